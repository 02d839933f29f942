package dev.geodr.servicebus.simulator.state;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code POST {namespace}/failover}: promotes the secondary region to primary. Planned ({@code
 * force: false}) makes the namespace read-only, waits until the backlog has drained, then swaps the
 * roles; forced swaps after {@link GeoTimings#forcedPromotion} whatever the backlog, even with the
 * primary region down, and leaves the old primary listed but unreplicated. Both answer 202 with the
 * operation's URLs.
 */
public final class GeoPromotions {

    private final SimulatorState s;

    public GeoPromotions(SimulatorState s) {
        this.s = s;
    }

    public ArmResult failover(NsPath a, JsonNode body, String apiVersion) {
        GeoRequests.Parsed<GeoRequests.Failover> parsed = GeoRequests.failover(body);
        if (parsed.error() != null) {
            return ArmResult.error(parsed.error());
        }
        GeoRequests.Failover req = parsed.value();
        return s.locked(
                () -> {
                    SimNamespace ns = s.byPath(a);
                    if (ns == null) {
                        return ArmResult.error(ErrorTemplates.namespaceNotFound(a));
                    }
                    GeoReplica g = ns.geo;
                    if (g == null || g.secondary == null) {
                        return ArmResult.error(
                                ErrorTemplates.geoInvalid(
                                        "The namespace has no secondary location to promote."));
                    }
                    GeoOperation running = g.running;
                    boolean escalation =
                            running != null
                                    && running.kind == GeoOperation.Kind.PROMOTION
                                    && !running.force
                                    && req.force()
                                    && running.target.equals(req.primaryLocation());
                    if (running != null && !escalation) {
                        return ArmResult.error(ErrorTemplates.provisioningInTransition());
                    }
                    ArmError invalid = checkTarget(g, req.primaryLocation());
                    if (invalid != null) {
                        return ArmResult.error(invalid);
                    }
                    long now = s.now();
                    if (escalation) {
                        // the planned operation ends here; the forced one below takes over
                        running.finish(GeoOperation.Status.CANCELED, null, now);
                        g.running = null;
                        g.readOnly = false;
                    }
                    GeoOperation op =
                            GeoOperations.start(s, ns, GeoOperation.Kind.PROMOTION, apiVersion);
                    op.target = req.primaryLocation();
                    op.force = req.force();
                    if (req.force()) {
                        op.phase = GeoOperation.Phase.SWAPPING;
                        op.dueAt = now + s.settings.geo().forcedPromotion().toMillis();
                    } else {
                        op.phase = GeoOperation.Phase.DRAINING;
                        g.readOnly = true;
                    }
                    return GeoOperations.withLroHeaders(
                            ArmResult.status(202, null), op, s.settings.geo().retryAfterSeconds());
                });
    }

    private ArmError checkTarget(GeoReplica g, String target) {
        if (target.equals(g.primary)) {
            return ErrorTemplates.geoInvalid("'" + target + "' is already the primary location.");
        }
        if (!target.equals(g.secondary)) {
            return ErrorTemplates.geoInvalid(
                    "'" + target + "' is not the secondary location (" + g.secondary + ").");
        }
        if (g.secondaryState != ReplicaState.ACTIVE) {
            return ErrorTemplates.geoInvalid(
                    "The secondary '"
                            + target
                            + "' is "
                            + g.secondaryState.wire()
                            + ", not Active; after a forced promotion remove it and add a new secondary.");
        }
        if (s.isRegionUnreachable(target)) {
            return ErrorTemplates.promotionTargetDown(target);
        }
        return null;
    }
}
