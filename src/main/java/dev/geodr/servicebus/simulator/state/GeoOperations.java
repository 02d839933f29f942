package dev.geodr.servicebus.simulator.state;

import java.util.UUID;

/**
 * The two URLs of an ARM long-running operation (ARM RPC): Azure-AsyncOperation ({@code
 * operationStatuses}) answers the status body, 200 throughout, with {@code Retry-After} while
 * InProgress; Location ({@code operationResults}) answers 202 while InProgress, then the result.
 * They stay valid after the namespace has moved on, so a caller that restarted can poll again.
 */
public final class GeoOperations {

    private final SimulatorState s;

    public GeoOperations(SimulatorState s) {
        this.s = s;
    }

    /** Registers a new running operation on {@code ns}. */
    static GeoOperation start(
            SimulatorState s, SimNamespace ns, GeoOperation.Kind kind, String apiVersion) {
        GeoOperation op =
                new GeoOperation(
                        UUID.randomUUID().toString(),
                        ns.key(),
                        ns.id(),
                        ns.subscriptionId,
                        ns.geo.primary,
                        apiVersion,
                        kind,
                        s.now());
        op.provider = ns.provider;
        s.operations.put(op.id, op);
        ns.geo.running = op;
        return op;
    }

    /** The headers every accepted long-running request and every InProgress poll carries. */
    static ArmResult withLroHeaders(ArmResult r, GeoOperation op, long retryAfterSeconds) {
        String q = "?api-version=" + op.apiVersion;
        return r.withHeader("Azure-AsyncOperation", op.statusPath() + q)
                .withHeader("Location", op.resultPath() + q)
                .withHeader("Retry-After", Long.toString(retryAfterSeconds));
    }

    public ArmResult status(String subscriptionId, String operationId) {
        return s.locked(
                () -> {
                    GeoOperation op = find(subscriptionId, operationId);
                    if (op == null) {
                        return ArmResult.error(ErrorTemplates.operationNotFound(operationId));
                    }
                    ArmResult r = ArmResult.ok(GeoBodies.status(op, resourceId(op)));
                    return op.running()
                            ? r.withHeader("Retry-After", Long.toString(retryAfter()))
                            : r;
                });
    }

    public ArmResult result(String subscriptionId, String operationId) {
        return s.locked(
                () -> {
                    GeoOperation op = find(subscriptionId, operationId);
                    if (op == null) {
                        return ArmResult.error(ErrorTemplates.operationNotFound(operationId));
                    }
                    return switch (op.status) {
                        case IN_PROGRESS ->
                                ArmResult.status(202, null)
                                        .withHeader(
                                                "Location",
                                                op.resultPath() + "?api-version=" + op.apiVersion)
                                        .withHeader("Retry-After", Long.toString(retryAfter()));
                        case SUCCEEDED -> succeeded(op);
                        case FAILED -> ArmResult.error(op.error);
                        case CANCELED -> ArmResult.error(ErrorTemplates.operationCanceled());
                    };
                });
    }

    /** An update answers the namespace as it is now; a promotion has no result body (204). */
    private ArmResult succeeded(GeoOperation op) {
        SimNamespace ns = s.byKey(op.nsKey);
        if (!op.returnsResource || ns == null) {
            return ArmResult.status(204, null);
        }
        return ArmResult.ok(
                NamespaceBodies.namespace(ns, GeoNamespaces.isGeoVersion(op.apiVersion)));
    }

    private GeoOperation find(String subscriptionId, String operationId) {
        GeoOperation op = s.operations.get(operationId);
        return op != null && op.subscriptionId.equalsIgnoreCase(subscriptionId) ? op : null;
    }

    private long retryAfter() {
        return s.settings.geo().retryAfterSeconds();
    }

    private static String resourceId(GeoOperation op) {
        return op.resourceId;
    }
}
