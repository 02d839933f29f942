package dev.geodr.servicebus.georeplication;

import static dev.geodr.servicebus.georeplication.GeoReplicationReasons.ENABLING;
import static dev.geodr.servicebus.georeplication.GeoReplicationReasons.INVALID_SPEC;
import static dev.geodr.servicebus.georeplication.GeoReplicationReasons.LARGE_MESSAGES;
import static dev.geodr.servicebus.georeplication.GeoReplicationReasons.NAMESPACE_MISSING;
import static dev.geodr.servicebus.georeplication.GeoReplicationReasons.PREVIEW_FEATURE;
import static dev.geodr.servicebus.georeplication.GeoReplicationReasons.REPLICATING;
import static dev.geodr.servicebus.georeplication.GeoReplicationReasons.REPLICA_REMOVED;
import static dev.geodr.servicebus.georeplication.GeoReplicationReasons.SECONDARY_UNAVAILABLE;
import static dev.geodr.servicebus.georeplication.GeoReplicationReasons.UNREACHABLE;
import static dev.geodr.servicebus.georeplication.GeoReplicationReasons.UPDATING;

import dev.geodr.servicebus.arm.GeoReplication;
import dev.geodr.servicebus.arm.Locations;
import dev.geodr.servicebus.arm.Replica;
import dev.geodr.servicebus.core.Notice;
import dev.geodr.servicebus.core.Requeue;
import dev.geodr.servicebus.core.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Converges the namespace's replicas to the spec's two regions and lag, keeping whatever roles ARM
 * shows (only a promotion request changes roles). Preflight runs before replication is first
 * enabled, so an invalid spec writes nothing.
 */
final class ReplicaRules {

    ReplicationPlan plan(Situation c) {
        if (c.observed().namespace() instanceof NamespaceView.Missing) {
            return stalled(
                    c,
                    NAMESPACE_MISSING,
                    "spec.namespace: namespace " + c.namespaceName() + " does not exist");
        }
        if (c.observed().namespace() instanceof NamespaceView.Unreachable u) {
            return waitFor(
                    c,
                    Verdict.progressing(
                            UNREACHABLE,
                            "ARM does not answer for namespace "
                                    + c.namespaceName()
                                    + ": "
                                    + u.message()),
                    new Requeue(c.settings().pendingPoll(), false));
        }
        NamespaceView.Present p = c.present().orElseThrow();
        if (!p.settled()) {
            return waitFor(
                    c,
                    Verdict.progressing(
                            UPDATING,
                            "ARM is updating namespace "
                                    + c.namespaceName()
                                    + " ("
                                    + p.updateState()
                                    + ")"),
                    new Requeue(c.settings().fastPoll(), false));
        }
        Optional<Replica> primary = p.geoReplication().flatMap(GeoReplication::primary);
        if (p.geoReplication().flatMap(GeoReplication::secondary).isEmpty()) {
            return addSecondary(c, p, primary);
        }
        return converge(c, p.geoReplication().get());
    }

    /**
     * No secondary: replication is enabled for the first time, or the replica is gone. The
     * primary's region is ARM's when it names one (after a promotion it is the spec's secondary).
     */
    private ReplicationPlan addSecondary(
            Situation c, NamespaceView.Present p, Optional<Replica> primary) {
        List<String> problems = preflight(c, p, primary.isEmpty());
        if (!problems.isEmpty()) {
            return stalled(c, INVALID_SPEC, String.join("; ", problems));
        }
        ReplicationDesired d = c.desired();
        String from = primary.map(Replica::location).orElse(d.primaryLocation());
        String other =
                Locations.same(from, d.primaryLocation())
                        ? d.secondaryLocation()
                        : d.primaryLocation();
        ReplicationPlan plan =
                ReplicationPlan.act(
                        setReplicas(c, from, other),
                        c.ledger(),
                        Verdict.progressing(
                                ENABLING,
                                "adding a secondary replica of "
                                        + c.namespaceName()
                                        + " in "
                                        + other),
                        ReadinessRules.of(c),
                        new Requeue(c.settings().fastPoll(), false));
        if (primary.isEmpty() && p.messagingPartitions() > 1) {
            plan =
                    plan.withNotice(
                            Notice.warning(
                                    PREVIEW_FEATURE,
                                    "namespace "
                                            + c.namespaceName()
                                            + " has "
                                            + p.messagingPartitions()
                                            + " messaging partitions; Geo-Replication of"
                                            + " partitioned namespaces is in preview"));
        }
        if (primary.isEmpty() && !p.largeMessageEntities().isEmpty()) {
            plan =
                    plan.withNotice(
                            Notice.warning(
                                    LARGE_MESSAGES,
                                    String.join(", ", p.largeMessageEntities())
                                            + " on namespace "
                                            + c.namespaceName()
                                            + " accept messages above 1 MB; Geo-Replication does"
                                            + " not support large messages"));
        }
        if (c.previousSecondary().isEmpty()) {
            return plan;
        }
        return plan.withNotice(
                Notice.warning(
                        REPLICA_REMOVED,
                        "the replica of "
                                + c.namespaceName()
                                + " in "
                                + c.previousSecondary().get()
                                + " is gone, removed outside the operator; adding a secondary in "
                                + other
                                + " again"));
    }

    /** What ARM would refuse, or the service documents as unsupported, checked before any write. */
    private static List<String> preflight(
            Situation c, NamespaceView.Present p, boolean firstEnable) {
        ReplicationDesired d = c.desired();
        List<String> problems = new ArrayList<>();
        if (!p.isPremium()) {
            problems.add(
                    "spec.namespace: namespace "
                            + c.namespaceName()
                            + " is "
                            + p.sku()
                            + "; Geo-Replication needs a Premium namespace");
        }
        if (p.holdsGeoDrAlias()) {
            problems.add(
                    "spec.namespace: namespace "
                            + c.namespaceName()
                            + " holds a Geo-DR alias; break and delete that pairing first (the two"
                            + " models cannot be combined on one namespace)");
        }
        if (firstEnable && !Locations.same(p.location(), d.primaryLocation())) {
            problems.add(
                    "spec.primaryLocation: "
                            + d.primaryLocation()
                            + " is not the namespace's region "
                            + p.location()
                            + "; replication starts from the namespace's own region");
        }
        if (Locations.same(d.primaryLocation(), d.secondaryLocation())) {
            problems.add(
                    "spec.secondaryLocation: must differ from spec.primaryLocation ("
                            + d.primaryLocation()
                            + ")");
        }
        return problems;
    }

    private ReplicationPlan converge(Situation c, GeoReplication geo) {
        ReplicationDesired d = c.desired();
        List<String> foreign =
                geo.replicas().stream()
                        .map(Replica::location)
                        .filter(
                                l ->
                                        !Locations.same(l, d.primaryLocation())
                                                && !Locations.same(l, d.secondaryLocation()))
                        .toList();
        if (!foreign.isEmpty()) {
            return stalled(
                    c,
                    INVALID_SPEC,
                    "spec.secondaryLocation: namespace "
                            + c.namespaceName()
                            + " replicates to "
                            + String.join(", ", foreign)
                            + ", which the spec does not name; change the spec or remove that"
                            + " replica (the operator does not remove a replica it did not add)");
        }
        Replica primary = geo.primary().orElseThrow();
        String other =
                Locations.same(primary.location(), d.primaryLocation())
                        ? d.secondaryLocation()
                        : d.primaryLocation();
        if (geo.maxReplicationLagSeconds() != d.maxReplicationLagSeconds()) {
            return ReplicationPlan.act(
                    setReplicas(c, primary.location(), other),
                    c.ledger(),
                    Verdict.progressing(
                            UPDATING,
                            "changing the maximum replication lag from "
                                    + geo.maxReplicationLagSeconds()
                                    + " s to "
                                    + d.maxReplicationLagSeconds()
                                    + " s"),
                    ReadinessRules.of(c),
                    new Requeue(c.settings().fastPoll(), false));
        }
        Optional<String> dead = unavailable(geo);
        if (dead.isPresent()) {
            // Shown, never acted on: the operator does not remove a replica because of its state.
            return waitFor(
                    c,
                    Verdict.stalled(SECONDARY_UNAVAILABLE, dead.get()),
                    new Requeue(c.settings().steadyPoll(), true));
        }
        return waitFor(
                c,
                Verdict.ready(
                        REPLICATING,
                        "primary "
                                + primary.location()
                                + ", secondary "
                                + other
                                + (d.maxReplicationLagSeconds() == 0
                                        ? ", synchronous"
                                        : ", lag at most " + d.maxReplicationLagSeconds() + " s")),
                new Requeue(c.settings().steadyPoll(), true));
    }

    /**
     * Why the secondary cannot serve, when ARM reports it Unavailable: after a Forced promotion the
     * old primary stays listed but is never replicated to again, and ARM refuses to promote it.
     */
    static Optional<String> unavailable(GeoReplication geo) {
        return geo.secondary()
                .filter(r -> r.state().map("Unavailable"::equalsIgnoreCase).orElse(false))
                .map(
                        r ->
                                "the secondary "
                                        + r.location()
                                        + " reports replicaState Unavailable: it is not"
                                        + " replicated to (after a Forced promotion the old primary"
                                        + " stays listed this way); remove that replica (portal, az"
                                        + " CLI or the namespace's template) and the operator adds a"
                                        + " secondary in the spec's region again");
    }

    private static ReplicationAction.SetReplicas setReplicas(
            Situation c, String primary, String secondary) {
        return new ReplicationAction.SetReplicas(
                c.desired().namespace(),
                primary,
                Optional.of(secondary),
                c.desired().maxReplicationLagSeconds());
    }

    private static ReplicationPlan stalled(Situation c, String reason, String message) {
        return waitFor(
                c, Verdict.stalled(reason, message), new Requeue(c.settings().steadyPoll(), true));
    }

    private static ReplicationPlan waitFor(Situation c, Verdict verdict, Requeue requeue) {
        return ReplicationPlan.waitFor(c.ledger(), verdict, ReadinessRules.of(c), requeue);
    }
}
