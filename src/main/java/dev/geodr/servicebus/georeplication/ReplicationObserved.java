package dev.geodr.servicebus.georeplication;

import java.util.List;
import java.util.Optional;

/**
 * What one pass read: the namespace, the persisted operations' status when status names them, and
 * the lag.
 *
 * @param operation the accepted promotion's operation
 * @param replicaOperation the namespace update's operation status follows
 * @param specProblems problems with the spec found outside ARM (a missing credentials Secret)
 */
public record ReplicationObserved(
        NamespaceView namespace,
        Optional<OperationView> operation,
        Optional<OperationView> replicaOperation,
        LagView lag,
        List<String> specProblems) {

    public ReplicationObserved {
        specProblems = List.copyOf(specProblems);
    }

    public static ReplicationObserved of(NamespaceView namespace) {
        return new ReplicationObserved(
                namespace, Optional.empty(), Optional.empty(), new LagView.NotRead(), List.of());
    }

    public ReplicationObserved withOperation(OperationView view) {
        return new ReplicationObserved(
                namespace, Optional.of(view), replicaOperation, lag, specProblems);
    }

    public ReplicationObserved withReplicaOperation(OperationView view) {
        return new ReplicationObserved(namespace, operation, Optional.of(view), lag, specProblems);
    }

    public ReplicationObserved withLag(LagView view) {
        return new ReplicationObserved(namespace, operation, replicaOperation, view, specProblems);
    }

    public ReplicationObserved withSpecProblems(List<String> problems) {
        return new ReplicationObserved(namespace, operation, replicaOperation, lag, problems);
    }
}
