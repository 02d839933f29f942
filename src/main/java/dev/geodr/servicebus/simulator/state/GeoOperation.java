package dev.geodr.servicebus.simulator.state;

/**
 * One ARM long-running operation on a geo-replicated namespace: a namespace update that changes
 * {@code geoDataReplication}, or a promotion. It outlives its namespace's current state on purpose:
 * the Azure-AsyncOperation and Location URLs are just URLs, and a caller that restarted polls them
 * again (so operations are only dropped by reset).
 */
final class GeoOperation {

    enum Kind {
        UPDATE,
        PROMOTION
    }

    enum Status {
        IN_PROGRESS("InProgress"),
        SUCCEEDED("Succeeded"),
        FAILED("Failed"),
        CANCELED("Canceled");

        private final String wire;

        Status(String wire) {
            this.wire = wire;
        }

        String wire() {
            return wire;
        }
    }

    /** Where a promotion is: waiting for the lag to drain (planned only), or swapping roles. */
    enum Phase {
        DRAINING,
        SWAPPING
    }

    final String id;
    final String nsKey;
    final String resourceId;
    final String subscriptionId;

    /** The region in the operation URLs: the primary when the request was accepted. */
    final String region;

    final String apiVersion;
    final Kind kind;
    final long startTime;
    Status status = Status.IN_PROGRESS;
    long endTime;
    ArmError error;

    /** When the current step ends; for a draining promotion, unknown until the lag is zero. */
    long dueAt;

    // UPDATE: what the namespace looks like when it completes
    String addSecondary;
    boolean removeSecondary;

    // PROMOTION
    String target;
    boolean force;
    Phase phase;

    /** True for a PATCH/PUT: the Location URL's final answer is the namespace body. */
    boolean returnsResource;

    /** The namespace's provider: its operation URLs live under that provider's locations. */
    ArmProvider provider = ArmProvider.SERVICE_BUS;

    GeoOperation(
            String id,
            String nsKey,
            String resourceId,
            String subscriptionId,
            String region,
            String apiVersion,
            Kind kind,
            long startTime) {
        this.id = id;
        this.nsKey = nsKey;
        this.resourceId = resourceId;
        this.subscriptionId = subscriptionId;
        this.region = region;
        this.apiVersion = apiVersion;
        this.kind = kind;
        this.startTime = startTime;
    }

    boolean running() {
        return status == Status.IN_PROGRESS;
    }

    void finish(Status s, ArmError e, long now) {
        status = s;
        error = e;
        endTime = now;
    }

    /** {@code /subscriptions/{sub}/providers/Microsoft.ServiceBus/locations/{region}/...}. */
    String path(String leaf) {
        return "/subscriptions/"
                + subscriptionId
                + "/providers/"
                + provider.segment()
                + "/locations/"
                + region
                + "/"
                + leaf
                + "/"
                + id;
    }

    String statusPath() {
        return path("operationStatuses");
    }

    String resultPath() {
        return path("operationResults");
    }
}
