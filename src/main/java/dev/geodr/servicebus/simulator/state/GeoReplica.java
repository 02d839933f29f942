package dev.geodr.servicebus.simulator.state;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The {@code geoDataReplication} of one namespace plus the simulated replication backlog. Mutable,
 * touched only under the {@link SimulatorState} lock. The backlog is piecewise linear in time:
 * {@link GeoProgress} integrates it from {@link #settledAt} to "now" and records a breakpoint at
 * every change of slope, so the metrics endpoint can answer for any past interval exactly.
 */
final class GeoReplica {

    /** One breakpoint of the backlog curve; between two the backlog is linear. */
    record Point(long at, double backlog) {}

    /** Breakpoints kept; older ones are dropped (metrics then see the oldest one kept). */
    static final int HISTORY = 4096;

    /** Short region names ("westeurope"), as the REST examples write {@code locationName}. */
    String primary;

    String secondary;
    ReplicaState secondaryState;
    int maxLagSeconds;
    double publishPerSecond;
    double drainPerSecond;

    /** Messages published on the primary and not yet on the secondary. */
    double backlog;

    long settledAt;

    /** Messages dropped by forced promotions (admin view only). */
    double lostMessages;

    /** Read-only window of a planned promotion: publishers are refused, so nothing is added. */
    boolean readOnly;

    /** The running update or promotion; at most one per namespace. */
    GeoOperation running;

    final Deque<Point> history = new ArrayDeque<>();

    GeoReplica(String primary, int maxLagSeconds, double drainPerSecond, long now) {
        this.primary = primary;
        this.maxLagSeconds = maxLagSeconds;
        this.drainPerSecond = drainPerSecond;
        this.settledAt = now;
        record(now);
    }

    void record(long at) {
        Point last = history.peekLast();
        if (last != null && last.at() == at) {
            history.pollLast();
        }
        history.addLast(new Point(at, backlog));
        if (history.size() > HISTORY) {
            history.pollFirst();
        }
    }

    boolean synchronous() {
        return maxLagSeconds == 0;
    }

    /**
     * ReplicationLagDuration in seconds: the time the secondary needs to catch up at the full drain
     * rate (a simulator definition; see docs/simulator.md).
     */
    double lagSeconds(double backlogMessages) {
        return drainPerSecond <= 0 ? 0 : backlogMessages / drainPerSecond;
    }

    /** The most the backlog may reach: the primary throttles publishers at the maximum lag. */
    double cap() {
        return maxLagSeconds * drainPerSecond;
    }

    /** The backlog at a past instant, from the breakpoints (linear in between). */
    double backlogAt(long t) {
        Point before = null;
        for (Point p : history) {
            if (p.at() == t) {
                return p.backlog();
            }
            if (p.at() > t) {
                if (before == null) {
                    return p.backlog();
                }
                double f = (double) (t - before.at()) / (p.at() - before.at());
                return before.backlog() + f * (p.backlog() - before.backlog());
            }
            before = p;
        }
        return before == null ? backlog : before.backlog();
    }

    /** The largest backlog in [from, to]: linear pieces peak at their ends. */
    double maxBacklog(long from, long to) {
        double max = Math.max(backlogAt(from), backlogAt(to));
        for (Point p : history) {
            if (p.at() > from && p.at() < to) {
                max = Math.max(max, p.backlog());
            }
        }
        return max;
    }
}
