package dev.geodr.servicebus.georeplication;

import dev.geodr.servicebus.core.Notice;
import java.util.Optional;

/**
 * Which namespace update (a replica added, removed or the lag changed: an ARM long-running
 * operation) status keeps following. Its URL is kept while the operation runs, so the namespace
 * counts as updating by the operation's own status, not only by {@code provisioningState} (ARM may
 * report Succeeded while a replica is still being built). A replica update is a desired-state
 * write, so unlike a promotion it is sent again after a fresh observation when it failed.
 */
public final class ReplicaOperations {

    public static final String UPDATE_FAILED = "UpdateFailed";

    private ReplicaOperations() {}

    /**
     * @param kept the URL status kept from an earlier pass
     * @param observed that operation's status as read this pass; empty when it was not readable
     * @param started the URL of an update this pass sent
     */
    public static Optional<String> next(
            Optional<String> kept, Optional<OperationView> observed, Optional<String> started) {
        if (started.isPresent()) {
            return started;
        }
        if (kept.isEmpty() || observed.isEmpty()) {
            return kept;
        }
        return observed.get() instanceof OperationView.InProgress ? kept : Optional.empty();
    }

    /** A Warning when the kept operation ended Failed or Canceled. */
    public static Optional<Notice> ended(Optional<String> kept, Optional<OperationView> observed) {
        if (kept.isPresent() && observed.orElse(null) instanceof OperationView.Failed f) {
            return Optional.of(
                    Notice.warning(
                            UPDATE_FAILED,
                            "the namespace update ended "
                                    + f.status()
                                    + " at ARM: "
                                    + f.message()
                                    + "; it is sent again once the namespace is observed"
                                    + " settled"));
        }
        return Optional.empty();
    }
}
