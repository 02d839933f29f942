package dev.geodr.servicebus.simulator.state;

/**
 * Moves every geo-replicated namespace forward to "now": integrates the backlog (publish minus
 * drain, both gated by regional outages and the replica's state) and completes updates and
 * promotions when they fall due. Called under the lock before every request, like the Geo-DR
 * timers, so polling is what makes progress visible and a manual clock gives exact, repeatable
 * results.
 */
final class GeoProgress {

    private final SimulatorState s;

    GeoProgress(SimulatorState s) {
        this.s = s;
    }

    void settleAll(long now) {
        for (SimNamespace ns : s.all()) {
            if (ns.geo != null) {
                settle(ns, now);
            }
        }
    }

    void settle(SimNamespace ns, long now) {
        GeoReplica g = ns.geo;
        // each pass ends at a change of slope or an operation step; the guard only stops a bug
        for (int guard = 0; guard < 100_000; guard++) {
            while (applyDue(ns, g)) {
                // an event can make the next one due at the same instant (e.g. a zero swap time)
            }
            if (g.settledAt >= now) {
                return;
            }
            advance(g, Math.min(now, nextChange(g)));
        }
        throw new IllegalStateException("geo-replication of " + ns.key() + " does not settle");
    }

    /**
     * Messages per second added to the backlog. Nothing accumulates without a replica to feed
     * (none, or one being built or deleted) or in synchronous mode; an outage of the primary region
     * stops both publishing and replication, one of the secondary's stops replication.
     */
    double net(GeoReplica g) {
        boolean feeding =
                g.secondary != null
                        && (g.secondaryState == ReplicaState.ACTIVE
                                || g.secondaryState == ReplicaState.UNAVAILABLE);
        if (g.synchronous() || !feeding) {
            return 0;
        }
        boolean primaryUp = !s.isRegionUnreachable(g.primary);
        double in = primaryUp && !g.readOnly ? g.publishPerSecond : 0;
        boolean replicating =
                primaryUp
                        && g.secondaryState == ReplicaState.ACTIVE
                        && !s.isRegionUnreachable(g.secondary);
        return in - (replicating ? g.drainPerSecond : 0);
    }

    /** The next instant after {@code settledAt} where the slope or an operation changes. */
    private long nextChange(GeoReplica g) {
        long t = g.settledAt;
        long next = Long.MAX_VALUE;
        GeoOperation op = g.running;
        if (op != null
                && (op.kind == GeoOperation.Kind.UPDATE
                        || op.phase == GeoOperation.Phase.SWAPPING)) {
            next = Math.min(next, Math.max(t + 1, op.dueAt));
        }
        double net = net(g);
        if (net < 0 && g.backlog > 0) {
            next = Math.min(next, t + Math.max(1, (long) Math.ceil(g.backlog / -net * 1000)));
        } else if (net > 0 && g.backlog < g.cap()) {
            next =
                    Math.min(
                            next,
                            t + Math.max(1, (long) Math.ceil((g.cap() - g.backlog) / net * 1000)));
        }
        return next;
    }

    private void advance(GeoReplica g, long to) {
        double b = g.backlog + net(g) * (to - g.settledAt) / 1000.0;
        g.backlog = Math.max(0, Math.min(g.cap(), b));
        g.settledAt = to;
        g.record(to);
    }

    /** Applies one due step of the running operation; true when something changed. */
    private boolean applyDue(SimNamespace ns, GeoReplica g) {
        GeoOperation op = g.running;
        long t = g.settledAt;
        if (op == null) {
            return false;
        }
        if (op.kind == GeoOperation.Kind.UPDATE) {
            if (t < op.dueAt) {
                return false;
            }
            if (op.addSecondary != null) {
                g.secondaryState = ReplicaState.ACTIVE;
            }
            if (op.removeSecondary) {
                g.secondary = null;
                g.secondaryState = null;
            }
            g.backlog = 0;
            g.record(t);
            finish(ns, g, op, GeoOperation.Status.SUCCEEDED, null, t);
            return true;
        }
        if (op.phase == GeoOperation.Phase.DRAINING) {
            if (g.backlog > 0) {
                return false;
            }
            op.phase = GeoOperation.Phase.SWAPPING;
            op.dueAt = t + s.settings.geo().plannedSwap().toMillis();
            return true;
        }
        if (t < op.dueAt) {
            return false;
        }
        if (s.isRegionUnreachable(op.target)) {
            g.readOnly = false;
            finish(
                    ns,
                    g,
                    op,
                    GeoOperation.Status.FAILED,
                    ErrorTemplates.promotionTargetDown(op.target),
                    t);
            return true;
        }
        String old = g.primary;
        g.primary = op.target;
        g.secondary = old;
        if (op.force) {
            // a forced promotion does not wait for the secondary: what was not replicated is lost,
            // and the old primary is never replicated to again (Microsoft: remove it, add a new
            // one)
            g.lostMessages += g.backlog;
            g.secondaryState = ReplicaState.UNAVAILABLE;
        } else {
            g.secondaryState = ReplicaState.ACTIVE;
        }
        g.backlog = 0;
        g.readOnly = false;
        g.record(t);
        finish(ns, g, op, GeoOperation.Status.SUCCEEDED, null, t);
        return true;
    }

    private static void finish(
            SimNamespace ns,
            GeoReplica g,
            GeoOperation op,
            GeoOperation.Status status,
            ArmError error,
            long t) {
        op.finish(status, error, t);
        g.running = null;
        ns.updatedAt = t;
    }
}
