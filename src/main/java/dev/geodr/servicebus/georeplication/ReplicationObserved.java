package dev.geodr.servicebus.georeplication;

import java.util.List;
import java.util.Optional;

/**
 * What one pass read: the namespace, the persisted operation's status when status names one, and
 * the lag.
 *
 * @param specProblems problems with the spec found outside ARM (a missing credentials Secret)
 */
public record ReplicationObserved(
        NamespaceView namespace,
        Optional<OperationView> operation,
        LagView lag,
        List<String> specProblems) {

    public ReplicationObserved {
        specProblems = List.copyOf(specProblems);
    }

    public static ReplicationObserved of(NamespaceView namespace) {
        return new ReplicationObserved(
                namespace, Optional.empty(), new LagView.NotRead(), List.of());
    }

    public ReplicationObserved withOperation(OperationView view) {
        return new ReplicationObserved(namespace, Optional.of(view), lag, specProblems);
    }

    public ReplicationObserved withLag(LagView view) {
        return new ReplicationObserved(namespace, operation, view, specProblems);
    }
}
