package dev.geodr.servicebus.operator;

import dev.geodr.servicebus.api.v1alpha1.ServiceBusGeoReplication;
import dev.geodr.servicebus.api.v1alpha1.ServiceBusGeoReplicationStatus;
import dev.geodr.servicebus.arm.ArmIdentity;
import dev.geodr.servicebus.arm.ArmPortFactory;
import dev.geodr.servicebus.arm.CallPriority;
import dev.geodr.servicebus.arm.GeoReplicationPort;
import dev.geodr.servicebus.core.Health;
import dev.geodr.servicebus.core.Notice;
import dev.geodr.servicebus.core.Requeue;
import dev.geodr.servicebus.core.WriteAuthority;
import dev.geodr.servicebus.georeplication.GeoReplicationPlanner;
import dev.geodr.servicebus.georeplication.NamespaceView;
import dev.geodr.servicebus.georeplication.OperationView;
import dev.geodr.servicebus.georeplication.PromotionLedger;
import dev.geodr.servicebus.georeplication.ReplicaOperations;
import dev.geodr.servicebus.georeplication.ReplicationAction;
import dev.geodr.servicebus.georeplication.ReplicationDesired;
import dev.geodr.servicebus.georeplication.ReplicationMemory;
import dev.geodr.servicebus.georeplication.ReplicationObserved;
import dev.geodr.servicebus.georeplication.ReplicationPlan;
import dev.geodr.servicebus.status.Kstatus;
import dev.geodr.servicebus.status.PromotionLedgerCodec;
import dev.geodr.servicebus.status.ReplicationStatusProjector;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * One Geo-Replication pass: observe the namespace → plan (pure) → persist the promotion intent if
 * the plan says so → at most one mutating ARM call → project status. Nothing else branches here.
 */
final class ReplicationPass {

    private static final Logger LOG = Logger.getLogger(ReplicationPass.class);

    /**
     * What the framework should do: write this status (unless the pass already did), requeue, and
     * maybe let the resource go.
     *
     * @param written the pass wrote {@code status} itself, on top of its intent write: the
     *     framework's own patch would be computed against the resource as it was before the intent
     *     and could lose a field the intent changed and the final status changed back
     */
    record Outcome(
            ServiceBusGeoReplicationStatus status,
            Requeue requeue,
            boolean releaseFinalizer,
            boolean written) {}

    private final ArmPortFactory ports;
    private final GeoReplicationPlanner planner;
    private final Clock clock;
    private final ReplicationObserver observer = new ReplicationObserver();
    private final ReplicationExecutor executor;
    private final Optional<String> thisCluster;

    /**
     * @param thisCluster the cluster this operator runs in ({@code geodr.cluster-name})
     */
    ReplicationPass(
            ArmPortFactory ports,
            GeoReplicationPlanner planner,
            Clock clock,
            Optional<String> thisCluster) {
        this.ports = ports;
        this.planner = planner;
        this.clock = clock;
        this.executor = new ReplicationExecutor(planner);
        this.thisCluster = thisCluster;
    }

    Outcome run(
            ServiceBusGeoReplication resource,
            ResourceSide<ServiceBusGeoReplication, ServiceBusGeoReplicationStatus> cluster) {
        Instant now = clock.instant();
        ServiceBusGeoReplicationStatus previous = resource.getStatus();
        ReplicationMemory memory = PromotionLedgerCodec.read(previous);
        long generation =
                resource.getMetadata().getGeneration() == null
                        ? 0
                        : resource.getMetadata().getGeneration();

        ReplicationDesiredReader.Result read = ReplicationDesiredReader.read(resource);
        WriteAuthority who =
                WriteAuthority.of(
                        resource.getSpec() == null ? null : resource.getSpec().getWriterCluster(),
                        thisCluster);
        if (read.desired().isEmpty()) {
            ReplicationPlan plan =
                    planner.planUnreadableSpec(
                            memory,
                            read.rawPromotionRequested(),
                            read.problems(),
                            resource.isMarkedForDeletion());
            return finish(
                    resource,
                    cluster,
                    previous,
                    generation,
                    Optional.empty(),
                    plan,
                    memory.replicaOperation(),
                    now,
                    null,
                    who);
        }
        ReplicationDesired desired = read.desired().get();
        // An observer reads by the ledger it keeps: no request of its own is ever pending.
        ReplicationMemory readMemory =
                who.mayWrite() ? memory : GeoReplicationPlanner.observerMemory(desired, memory);
        PromotionLedger ledger =
                readMemory
                        .ledger()
                        .orElseGet(() -> PromotionLedger.adopted(desired.promotionRequested()));

        Optional<ReplicationObserved> observed = Optional.empty();
        GeoReplicationPort port = null;
        // An observer reads ARM to report it, but deleting the object there never touches Azure.
        boolean needsArm =
                !(desired.deleting() && (!desired.removeReplicaOnDelete() || !who.mayWrite()));
        ReplicationObserved notRead =
                ReplicationObserved.of(new NamespaceView.Unreachable("not read"));
        if (needsArm) {
            CredentialResolver.Result credentials = cluster.credentials(resource);
            if (credentials.identity().isPresent()) {
                // a pass working on a promotion request goes ahead of routine work for the budget
                CallPriority priority =
                        promotionPending(desired, ledger)
                                ? CallPriority.URGENT
                                : CallPriority.ROUTINE;
                ArmIdentity id = credentials.identity().get();
                port = ports.geoReplication(id, priority);
                observed =
                        Optional.of(
                                observer.observe(
                                        port,
                                        ports.forIdentity(id, priority),
                                        desired.namespace(),
                                        ledger,
                                        memory.replicaOperation()));
            } else {
                notRead =
                        notRead.withSpecProblems(
                                credentials.problem().map(List::of).orElse(List.of()));
            }
        }
        ReplicationPlan plan =
                who.mayWrite()
                        ? planner.plan(desired, memory, observed.orElse(notRead), now)
                        : planner.planAsObserver(
                                desired, memory, observed.orElse(notRead), now, who);
        LOG.debugf(
                "%s/%s: %s %s -> %s, ledger %s",
                resource.getMetadata().getNamespace(),
                resource.getMetadata().getName(),
                plan.verdict().health(),
                plan.verdict().reason(),
                plan.action().getClass().getSimpleName(),
                plan.ledger());
        ServiceBusGeoReplication afterIntent = null;
        if (plan.intent().isPresent()) {
            // Written before the POST, optimistically locked: a crash between the two leaves the
            // intent for the next pass to judge, and a stale pass fails here instead of posting.
            afterIntent =
                    cluster.writeStatusNow(
                            resource,
                            ReplicationStatusProjector.project(
                                    previous,
                                    input(
                                            generation,
                                            observed,
                                            plan.intent().get(),
                                            memory.replicaOperation(),
                                            plan,
                                            now,
                                            who)));
        }
        ReplicationExecutor.Executed done = execute(cluster, resource, port, plan, now, who);
        Optional<OperationView> update = observed.flatMap(ReplicationObserved::replicaOperation);
        ReplicaOperations.ended(memory.replicaOperation(), update)
                .ifPresent(n -> cluster.event(resource, n.warning(), n.reason(), n.message()));
        return finish(
                resource,
                cluster,
                previous,
                generation,
                observed,
                done.plan(),
                ReplicaOperations.next(memory.replicaOperation(), update, done.startedUpdate()),
                now,
                afterIntent,
                who);
    }

    private ReplicationExecutor.Executed execute(
            ResourceSide<ServiceBusGeoReplication, ServiceBusGeoReplicationStatus> cluster,
            ServiceBusGeoReplication resource,
            GeoReplicationPort port,
            ReplicationPlan plan,
            Instant now,
            WriteAuthority who) {
        if (ObserverGuard.refuses(who, resource, plan.action().writesToArm(), plan.action())) {
            return new ReplicationExecutor.Executed(plan, Optional.empty());
        }
        return executor.execute(cluster, resource, port, plan, now);
    }

    private static boolean promotionPending(ReplicationDesired desired, PromotionLedger ledger) {
        return ledger.inFlight().isPresent()
                || desired.promotionRequested() > ledger.lastHandledRequest();
    }

    private Outcome finish(
            ServiceBusGeoReplication resource,
            ResourceSide<ServiceBusGeoReplication, ServiceBusGeoReplicationStatus> cluster,
            ServiceBusGeoReplicationStatus previous,
            long generation,
            Optional<ReplicationObserved> observed,
            ReplicationPlan plan,
            Optional<String> replicaOperation,
            Instant now,
            ServiceBusGeoReplication afterIntent,
            WriteAuthority who) {
        for (Notice notice : plan.notices()) {
            cluster.event(resource, notice.warning(), notice.reason(), notice.message());
        }
        if (plan.verdict().health() == Health.STALLED
                && (previous == null
                        || !Kstatus.stalledWith(
                                previous.conditions(),
                                plan.verdict().reason(),
                                plan.verdict().message()))) {
            cluster.event(resource, true, plan.verdict().reason(), plan.verdict().message());
        }
        ServiceBusGeoReplicationStatus status =
                ReplicationStatusProjector.project(
                        previous,
                        input(
                                generation,
                                observed,
                                plan.ledger(),
                                replicaOperation,
                                plan,
                                now,
                                who));
        if (afterIntent != null) {
            // ARM's answer (the operation URL) goes on top of the intent, from the resource the
            // intent write returned. If this write fails the intent stays and the namespace's
            // roles decide, which never posts twice.
            cluster.writeStatusNow(afterIntent, status);
        }
        return new Outcome(
                status,
                plan.requeue(),
                plan.action() instanceof ReplicationAction.ReleaseFinalizer,
                afterIntent != null);
    }

    private static ReplicationStatusProjector.Input input(
            long generation,
            Optional<ReplicationObserved> observed,
            PromotionLedger ledger,
            Optional<String> replicaOperation,
            ReplicationPlan plan,
            Instant now,
            WriteAuthority who) {
        return new ReplicationStatusProjector.Input(
                generation,
                observed,
                ledger,
                replicaOperation,
                plan.verdict(),
                plan.readiness(),
                now,
                who);
    }
}
