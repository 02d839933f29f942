package dev.geodr.servicebus.simulator.state;

import org.jboss.logging.Logger;

/**
 * Starts the Geo-DR transitions and applies their timed completions (§9.4 effects, §9.5 timers). A
 * timer carries the epoch of the transition that scheduled it; if the record has since moved on (a
 * failover overtook a break, the alias was deleted), the stale timer does nothing.
 */
final class Transitions {

    private static final Logger LOG = Logger.getLogger(Transitions.class);
    private final SimulatorState s;

    Transitions(SimulatorState s) {
        this.s = s;
    }

    private SimulatorTimers timers() {
        return s.settings.timers();
    }

    /**
     * PUT row 18: A becomes the Accepted primary, B the Accepted secondary, both at once (§3.3).
     */
    void startPairing(
            SimNamespace a, SimNamespace b, String aliasName, String alternateName, long now) {
        long epoch = s.newEpoch();
        SimAliasRecord rec = a.alias;
        if (rec == null) {
            rec =
                    new SimAliasRecord(
                            aliasName, alternateName, RecordState.P_PAIRING, b.key(), epoch);
            a.alias = rec;
        } else {
            rec.state = RecordState.P_PAIRING;
            rec.partnerKey = b.key();
            rec.epoch = epoch;
            if (alternateName != null) {
                rec.alternateName = alternateName;
            }
        }
        rec.entitiesAtPairStart = a.entities;
        rec.pendingBase = 0;
        b.alias = new SimAliasRecord(rec.aliasName, null, RecordState.S_PAIRING, a.key(), epoch);
        s.registry.hold(rec.aliasName, a.key());
        s.registry.hold(rec.aliasName, b.key());
        long due = now + timers().pair().toMillis() + a.entities * timers().perEntity().toMillis();
        s.timers.schedule(due, TimerQueue.Kind.PAIR_DONE, a.key(), epoch);
        LOG.debugf("pairing %s: %s -> %s", rec.aliasName, a.id(), b.id());
    }

    /** Break rows 2–3: the primary shows Accepted/Primary/partner until phase 1 ends. */
    void startBreak(SimNamespace a, long now) {
        SimAliasRecord rec = a.alias;
        rec.epoch = s.newEpoch();
        rec.state = RecordState.P_BREAKING_1;
        s.timers.schedule(
                now + timers().breakPhase1().toMillis(),
                TimerQueue.Kind.BREAK_PHASE1_DONE,
                a.key(),
                rec.epoch);
    }

    /**
     * Failover rows 2/3/6: both sides Accepted, roles unchanged until the end (§3.7); cancels a
     * running break.
     */
    void startFailover(SimNamespace secondary, SimNamespace primary, long now) {
        long epoch = s.newEpoch();
        secondary.entities = s.effectiveEntities(secondary, now);
        SimAliasRecord srec = secondary.alias;
        srec.state = RecordState.S_FAILING_OVER;
        srec.epoch = epoch;
        SimAliasRecord prec = primary.alias;
        if (prec != null && secondary.key().equals(prec.partnerKey)) {
            prec.state = RecordState.P_BEING_FAILED_OVER;
            prec.epoch = epoch;
        }
        s.timers.schedule(
                now + timers().failover().toMillis(),
                TimerQueue.Kind.FAILOVER_DONE,
                secondary.key(),
                epoch);
    }

    /**
     * Delete row 5: still readable for {@code deleteVisibleFor}, then gone and the name tombstoned.
     */
    void startDelete(SimNamespace a, long now) {
        SimAliasRecord rec = a.alias;
        rec.epoch = s.newEpoch();
        rec.state = RecordState.DELETING;
        s.timers.schedule(
                now + timers().deleteVisibleFor().toMillis(),
                TimerQueue.Kind.DELETE_DONE,
                a.key(),
                rec.epoch);
    }

    void apply(TimerQueue.Event e) {
        SimNamespace ns = s.byKey(e.nsKey());
        SimAliasRecord rec = ns == null ? null : ns.alias;
        if (rec == null || rec.epoch != e.epoch()) {
            return;
        }
        switch (e.kind()) {
            case PAIR_DONE -> pairDone(ns, rec, e.dueAt());
            case BREAK_PHASE1_DONE -> breakPhase1Done(ns, rec, e);
            case BREAK_DONE -> {
                if (rec.state == RecordState.P_BREAKING_2) {
                    rec.state = RecordState.PNR;
                }
            }
            case FAILOVER_DONE -> failoverDone(ns, rec);
            case DELETE_DONE -> deleteDone(ns, rec, e.dueAt());
        }
    }

    private void pairDone(SimNamespace a, SimAliasRecord rec, long due) {
        if (rec.state != RecordState.P_PAIRING) {
            return;
        }
        rec.state = RecordState.P_PAIRED;
        // Entities added while the initial sync ran are still to be copied (§10 Q8, inferred).
        rec.pendingBase = Math.max(0, a.entities - rec.entitiesAtPairStart);
        rec.pendingSince = due;
        SimNamespace b = s.byKey(rec.partnerKey);
        if (b != null
                && b.alias != null
                && b.alias.epoch == rec.epoch
                && b.alias.state == RecordState.S_PAIRING) {
            b.alias.state = RecordState.S_PAIRED;
            // SAS rules are replicated metadata (§5.3): the secondary now serves the primary's
            // rules and keys.
            b.rules.clear();
            b.rules.putAll(a.rules);
        }
    }

    private void breakPhase1Done(SimNamespace a, SimAliasRecord rec, TimerQueue.Event e) {
        if (rec.state != RecordState.P_BREAKING_1) {
            return;
        }
        SimNamespace b = s.byKey(rec.partnerKey);
        if (b != null && b.alias != null && a.key().equals(b.alias.partnerKey)) {
            // The secondary keeps what was replicated and becomes a plain namespace (§3.5, §10 Q1).
            b.entities = s.effectiveEntities(b, e.dueAt());
            s.registry.drop(b.alias.aliasName, b.key(), 0);
            b.alias = null;
        }
        rec.partnerKey = null;
        long phase2 = timers().breakPhase2().toMillis();
        if (phase2 > 0) {
            rec.state = RecordState.P_BREAKING_2;
            s.timers.schedule(e.dueAt() + phase2, TimerQueue.Kind.BREAK_DONE, a.key(), rec.epoch);
        } else {
            rec.state = RecordState.PNR;
        }
    }

    private void failoverDone(SimNamespace secondary, SimAliasRecord rec) {
        if (rec.state != RecordState.S_FAILING_OVER) {
            return;
        }
        SimNamespace old = s.byKey(rec.partnerKey);
        if (old != null && old.alias != null && secondary.key().equals(old.alias.partnerKey)) {
            // The old primary loses its record, reachable or not (§3.7, §9.5 primaryUnreachable).
            s.registry.drop(old.alias.aliasName, old.key(), 0);
            old.alias = null;
        }
        rec.state = RecordState.PNR;
        rec.partnerKey = null;
        LOG.debugf("failover of %s completed on %s", rec.aliasName, secondary.id());
    }

    private void deleteDone(SimNamespace a, SimAliasRecord rec, long due) {
        if (rec.state != RecordState.DELETING) {
            return;
        }
        s.registry.drop(rec.aliasName, a.key(), due + timers().nameReleaseDelay().toMillis());
        a.alias = null;
    }
}
