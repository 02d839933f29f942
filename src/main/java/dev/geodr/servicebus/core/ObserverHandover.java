package dev.geodr.servicebus.core;

import java.util.Optional;

/**
 * What every kind's observer says about requests, in one wording: the Event when a request passes
 * to the writer, and the one change that makes this cluster act.
 *
 * @param noun "failover" or "promotion"
 * @param requestField the counter, e.g. {@code spec.failoverRequested}
 * @param modeField the mode field, e.g. {@code failoverMode}
 * @param reason the Event reason of a request left to the writer
 */
public record ObserverHandover(String noun, String requestField, String modeField, String reason) {

    /**
     * A request this operator held when it became an observer.
     *
     * @param sent it was sent to ARM already: then it is followed to its end, not passed on
     */
    public record Held(long request, String phase, boolean sent) {}

    /** "to fail over from this cluster, set spec.writerCluster to east, failoverMode Forced ..." */
    public String advice(WriteAuthority who) {
        String verb = noun.equals("failover") ? "fail over" : "promote";
        return who.thisCluster()
                .map(
                        c ->
                                "to "
                                        + verb
                                        + " from this cluster, set spec.writerCluster to "
                                        + c
                                        + ", "
                                        + modeField
                                        + " Forced and increase "
                                        + requestField
                                        + " in one change")
                .orElse(
                        "to "
                                + verb
                                + " from this cluster, give this operator "
                                + WriteAuthority.CLUSTER_SETTING
                                + " first");
    }

    /** The observer's readiness message: recorded, never sent, and what the writer would hear. */
    public String readiness(WriteAuthority who, String writersGate) {
        return who.thisClusterLabel()
                + " observes: a "
                + noun
                + " request here is recorded, never sent; the writer is "
                + who.writerLabel()
                + "; "
                + advice(who)
                + " (for the writer: "
                + writersGate
                + ")";
    }

    /**
     * The Event of an observer's pass: a held, unsent request passes to the writer (Warning), or a
     * new counter value is recorded as the writer's (Normal); none when nothing changed hands.
     *
     * @param lastHandled the counter value recorded before this pass, empty on first sight
     */
    public Optional<Notice> notice(
            WriteAuthority who, long requested, Optional<Long> lastHandled, Optional<Held> held) {
        if (lastHandled.isEmpty()) {
            return Optional.empty();
        }
        Optional<Held> unsent = held.filter(h -> !h.sent());
        if (unsent.isPresent()) {
            return Optional.of(
                    Notice.warning(
                            reason,
                            noun
                                    + " request "
                                    + unsent.get().request()
                                    + " ("
                                    + unsent.get().phase()
                                    + ") is left to the writer ("
                                    + who.writerLabel()
                                    + "): "
                                    + who.thisClusterLabel()
                                    + " now observes and sends nothing"));
        }
        long known = Math.max(lastHandled.get(), held.map(Held::request).orElse(0L));
        if (requested <= known) {
            return Optional.empty();
        }
        return Optional.of(
                Notice.normal(
                        reason,
                        requestField
                                + "="
                                + requested
                                + " is the writer's ("
                                + who.writerLabel()
                                + ") to act on: "
                                + who.thisClusterLabel()
                                + " recorded it as handled and sends nothing"));
    }
}
