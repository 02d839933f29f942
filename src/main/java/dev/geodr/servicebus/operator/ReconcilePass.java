package dev.geodr.servicebus.operator;

import dev.geodr.servicebus.api.v1alpha1.NamespaceStatus;
import dev.geodr.servicebus.api.v1alpha1.ParityStatus;
import dev.geodr.servicebus.api.v1alpha1.ServiceBusGeoPairing;
import dev.geodr.servicebus.api.v1alpha1.ServiceBusGeoPairingStatus;
import dev.geodr.servicebus.arm.AliasKeys;
import dev.geodr.servicebus.arm.ArmErrorKind;
import dev.geodr.servicebus.arm.ArmException;
import dev.geodr.servicebus.arm.ArmGeoDrPort;
import dev.geodr.servicebus.arm.ArmIdentity;
import dev.geodr.servicebus.arm.ArmPortFactory;
import dev.geodr.servicebus.arm.CallPriority;
import dev.geodr.servicebus.core.Health;
import dev.geodr.servicebus.core.Notice;
import dev.geodr.servicebus.core.Requeue;
import dev.geodr.servicebus.core.WriteAuthority;
import dev.geodr.servicebus.pairing.Action;
import dev.geodr.servicebus.pairing.ConnectionSecretRules;
import dev.geodr.servicebus.pairing.Desired;
import dev.geodr.servicebus.pairing.FailoverMemory;
import dev.geodr.servicebus.pairing.Memory;
import dev.geodr.servicebus.pairing.Observed;
import dev.geodr.servicebus.pairing.PairingPlanner;
import dev.geodr.servicebus.pairing.Plan;
import dev.geodr.servicebus.pairing.Reasons;
import dev.geodr.servicebus.pairing.SideView;
import dev.geodr.servicebus.parity.ParityGap;
import dev.geodr.servicebus.parity.ParityNotices;
import dev.geodr.servicebus.parity.ParityReport;
import dev.geodr.servicebus.parity.ParitySchedule;
import dev.geodr.servicebus.status.FailoverMemoryCodec;
import dev.geodr.servicebus.status.Kstatus;
import dev.geodr.servicebus.status.StatusProjector;
import dev.geodr.servicebus.status.Times;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import org.jboss.logging.Logger;

/**
 * One reconcile pass: observe both namespaces → plan (pure) → persist intent if the plan says so →
 * at most one mutating ARM call → project status. Nothing else branches here.
 */
final class ReconcilePass {

    private static final Logger LOG = Logger.getLogger(ReconcilePass.class);

    /** What the framework should do: write this status, requeue, and maybe let the resource go. */
    record Outcome(ServiceBusGeoPairingStatus status, Requeue requeue, boolean releaseFinalizer) {}

    private final ArmPortFactory ports;
    private final PairingPlanner planner;
    private final Clock clock;
    private final OperatorMetrics metrics;
    private final Observer observer;
    private final PairingPace pace;
    private final Duration keyRefresh;
    private final DoubleSupplier spread;
    private final Optional<String> thisCluster;
    private final Duration parityInterval;

    ReconcilePass(
            ArmPortFactory ports,
            PairingPlanner planner,
            Clock clock,
            OperatorMetrics metrics,
            PassSettings settings) {
        this(
                ports,
                planner,
                clock,
                metrics,
                settings,
                () -> ThreadLocalRandom.current().nextDouble());
    }

    /**
     * @param spread draws the planner's throttle spread in [0, 1); fixed in tests
     */
    ReconcilePass(
            ArmPortFactory ports,
            PairingPlanner planner,
            Clock clock,
            OperatorMetrics metrics,
            PassSettings settings,
            DoubleSupplier spread) {
        this.ports = ports;
        this.planner = planner;
        this.clock = clock;
        this.metrics = metrics;
        this.observer = new Observer(clock);
        this.pace = new PairingPace(clock, planner.settings().fastPoll());
        this.keyRefresh = settings.keyRefresh();
        this.spread = spread;
        this.thisCluster = settings.thisCluster();
        this.parityInterval = settings.parityInterval();
    }

    Outcome run(ServiceBusGeoPairing resource, ClusterSide cluster) {
        Instant now = clock.instant();
        ServiceBusGeoPairingStatus previous = resource.getStatus();
        Memory memory = FailoverMemoryCodec.read(previous);
        long generation =
                resource.getMetadata().getGeneration() == null
                        ? 0
                        : resource.getMetadata().getGeneration();

        DesiredReader.Result read = DesiredReader.read(resource);
        WriteAuthority who =
                WriteAuthority.of(
                        resource.getSpec() == null ? null : resource.getSpec().getWriterCluster(),
                        thisCluster);
        if (read.desired().isEmpty()) {
            Plan plan =
                    planner.planUnreadableSpec(
                            memory,
                            read.rawFailoverRequested(),
                            read.problems(),
                            resource.isMarkedForDeletion());
            warnOnce(
                    cluster, resource, previous, plan.verdict().reason(), plan.verdict().message());
            var status =
                    StatusProjector.project(
                            previous,
                            new StatusProjector.Input(
                                    generation,
                                    null,
                                    Optional.empty(),
                                    plan.memory(),
                                    plan.verdict(),
                                    plan.active(),
                                    now,
                                    who,
                                    Optional.empty()));
            return new Outcome(
                    status, plan.requeue(), plan.action() instanceof Action.ReleaseFinalizer);
        }
        Desired desired = read.desired().get();

        List<String> specProblems = List.of();
        Optional<ArmIdentity> identity = Optional.empty();
        // An observer reads ARM to report it, but deleting the object there never touches Azure.
        boolean needsArm = !(desired.deleting() && (!desired.deleteInAzure() || !who.mayWrite()));
        if (needsArm) {
            CredentialResolver.Result credentials = cluster.credentials(resource);
            specProblems = credentials.problem().map(List::of).orElse(List.of());
            identity = credentials.identity();
        }

        Optional<Observed> observed = Optional.empty();
        // An observer reads by the memory it keeps: no request of its own is ever pending.
        Memory readMemory =
                who.mayWrite() ? memory : PairingPlanner.observerMemory(desired, memory);
        // a pass working on a failover request goes ahead of routine work for the ARM budget
        boolean failoverPending = PairingPlanner.failoverPending(desired, readMemory);
        CallPriority priority = failoverPending ? CallPriority.URGENT : CallPriority.ROUTINE;
        ArmGeoDrPort port = identity.map(id -> ports.forIdentity(id, priority)).orElse(null);
        Plan plan;
        if (port == null) {
            Observed notRead =
                    Observed.of(new SideView.Absent(), new SideView.Absent())
                            .withSpecProblems(specProblems);
            plan = plan(desired, memory, notRead, now, who);
        } else {
            try {
                observed =
                        Optional.of(
                                observer.observe(
                                        port,
                                        new Observer.Request(
                                                resourceKey(resource),
                                                desired,
                                                failoverPending,
                                                PairingPlanner.forcedFailoverPending(
                                                        desired, readMemory),
                                                recordShown(previous, true),
                                                recordShown(previous, false))));
                plan = plan(desired, memory, observed.get(), now, who);
            } catch (ArmException e) {
                logObservationFailure(resource, e);
                plan =
                        planner.afterObservationFailure(
                                desired,
                                readMemory,
                                e.kind(),
                                e.getMessage(),
                                e.retryAfter(),
                                spread.getAsDouble());
            }
        }

        if (plan.intent().isPresent()) {
            cluster.writeStatusNow(
                    resource,
                    project(
                            previous,
                            generation,
                            desired,
                            observed,
                            plan.intent().get(),
                            plan,
                            now,
                            who,
                            Optional.empty()));
        }
        plan = execute(cluster, resource, port, plan, now, who);
        Optional<ParityReport> parity =
                checkParity(cluster, resource, port, desired, observed, failoverPending, now);
        Requeue requeue =
                pace.afterPass(resourceKey(resource), desired, observed, plan, failoverPending);
        syncConnectionSecret(cluster, resource, port, desired, observed, plan);
        for (Notice notice : plan.notices()) {
            cluster.event(resource, notice.warning(), notice.reason(), notice.message());
        }
        if (plan.verdict().health() == Health.STALLED) {
            warnOnce(
                    cluster, resource, previous, plan.verdict().reason(), plan.verdict().message());
        }
        if (plan.action() instanceof Action.ReleaseFinalizer) {
            observer.forget(resourceKey(resource));
            pace.forget(resourceKey(resource));
        }
        ServiceBusGeoPairingStatus status =
                project(
                        previous,
                        generation,
                        desired,
                        observed,
                        plan.memory(),
                        plan,
                        now,
                        who,
                        parity);
        recordFailoverMetrics(memory, plan.memory());
        metrics.recordStatus(resource, status);
        return new Outcome(status, requeue, plan.action() instanceof Action.ReleaseFinalizer);
    }

    private Plan plan(
            Desired desired, Memory memory, Observed observed, Instant now, WriteAuthority who) {
        return who.mayWrite()
                ? planner.plan(desired, memory, observed, now)
                : planner.planAsObserver(desired, memory, observed, now, who);
    }

    private Plan execute(
            ClusterSide cluster,
            ServiceBusGeoPairing resource,
            ArmGeoDrPort port,
            Plan plan,
            Instant now,
            WriteAuthority who) {
        if (!plan.action().writesToArm()) {
            return plan;
        }
        if (ObserverGuard.refuses(who, resource, true, plan.action())) {
            return plan;
        }
        try {
            String done = ActionExecutor.execute(port, plan.action());
            if (plan.action() instanceof Action.CreatePairing put) {
                pace.requested(resourceKey(resource), put.primary().subscriptionId());
            }
            if (done != null) {
                cluster.event(resource, false, ActionExecutor.eventReason(plan.action()), done);
            }
            return plan;
        } catch (ArmException e) {
            cluster.event(
                    resource,
                    true,
                    e.kind() == ArmErrorKind.THROTTLED ? Reasons.THROTTLED : Reasons.AZURE_ERROR,
                    ActionExecutor.eventReason(plan.action()) + " failed: " + e.getMessage());
            return planner.afterActionFailure(plan, e.kind(), e.getMessage(), e.retryAfter(), now);
        }
    }

    /**
     * Compares what Geo-DR does not replicate when it is due (a slow cadence, both namespaces
     * answering, no failover pending), and tells what appeared or went away as Events.
     */
    private Optional<ParityReport> checkParity(
            ClusterSide cluster,
            ServiceBusGeoPairing resource,
            ArmGeoDrPort port,
            Desired desired,
            Optional<Observed> observed,
            boolean failoverPending,
            Instant now) {
        if (port == null || observed.isEmpty() || desired.deleting()) {
            return Optional.empty();
        }
        ParityStatus previous =
                resource.getStatus() == null ? null : resource.getStatus().getParity();
        boolean bothAnswer = answers(observed.get().primary()) && answers(observed.get().partner());
        if (!ParitySchedule.due(
                lastChecked(previous), now, parityInterval, failoverPending, bothAnswer)) {
            return Optional.empty();
        }
        ParityReport report = ParityReader.read(port, desired.primary(), desired.partner(), now);
        for (Notice notice :
                ParityNotices.between(gapsOf(previous), problemsOf(previous), report)) {
            cluster.event(resource, notice.warning(), notice.reason(), notice.message());
        }
        return Optional.of(report);
    }

    private static boolean answers(SideView side) {
        return side.reachable() && !(side instanceof SideView.NamespaceMissing);
    }

    private static Optional<Instant> lastChecked(ParityStatus parity) {
        if (parity == null || parity.checkedTime() == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Times.parse(parity.checkedTime()));
        } catch (RuntimeException e) {
            return Optional.empty(); // an edited or garbled time: compare again now
        }
    }

    private static List<ParityGap> gapsOf(ParityStatus parity) {
        if (parity == null || parity.differences() == null) {
            return List.of();
        }
        return parity.differences().stream()
                .map(d -> new ParityGap(d.setting(), d.primary(), d.partner(), d.impact()))
                .toList();
    }

    private static List<String> problemsOf(ParityStatus parity) {
        return parity == null || parity.problems() == null ? List.of() : parity.problems();
    }

    /** Whether the last status showed an alias record on that side (a role or a state). */
    private static boolean recordShown(ServiceBusGeoPairingStatus previous, boolean primary) {
        if (previous == null) {
            return false;
        }
        NamespaceStatus side = primary ? previous.getPrimary() : previous.getPartner();
        return side != null && (side.getRole() != null || side.getProvisioningState() != null);
    }

    private static String resourceKey(ServiceBusGeoPairing resource) {
        return resource.getMetadata().getNamespace()
                + "/"
                + resource.getMetadata().getName()
                + "/"
                + resource.getMetadata().getUid();
    }

    private void syncConnectionSecret(
            ClusterSide cluster,
            ServiceBusGeoPairing resource,
            ArmGeoDrPort port,
            Desired desired,
            Optional<Observed> observed,
            Plan plan) {
        Optional<ConnectionSecretRules.KeySource> wanted =
                ConnectionSecretRules.wanted(desired, authorizationRule(resource), plan, observed);
        if (wanted.isEmpty()
                || !ConnectionSecretRules.needsRefresh(
                        wanted.get(),
                        cluster.connectionSecretStamp(resource),
                        clock.instant(),
                        keyRefresh)) {
            return;
        }
        ConnectionSecretRules.KeySource source = wanted.get();
        try {
            AliasKeys keys = port.listKeys(source.holder(), source.alias(), source.rule());
            if (cluster.writeConnectionSecret(resource, source, keys)) {
                cluster.event(
                        resource,
                        false,
                        "ConnectionSecretUpdated",
                        "wrote alias connection strings to Secret "
                                + resource.getSpec().getConnectionSecret().getName());
            }
        } catch (ArmException e) {
            cluster.event(
                    resource, true, Reasons.AZURE_ERROR, "listKeys failed: " + e.getMessage());
        }
    }

    /** The spec's authorization rule ("" for the default), or empty when no Secret is asked for. */
    private static Optional<String> authorizationRule(ServiceBusGeoPairing resource) {
        return Optional.ofNullable(resource.getSpec().getConnectionSecret())
                .map(s -> s.getAuthorizationRule() == null ? "" : s.getAuthorizationRule());
    }

    private static void logObservationFailure(ServiceBusGeoPairing resource, ArmException e) {
        LOG.debugf(
                "%s/%s: observation failed (%s %s): %s",
                resource.getMetadata().getNamespace(),
                resource.getMetadata().getName(),
                e.kind(),
                e.retryAfter().orElse(null),
                e.getMessage());
    }

    private ServiceBusGeoPairingStatus project(
            ServiceBusGeoPairingStatus previous,
            long generation,
            Desired desired,
            Optional<Observed> observed,
            FailoverMemory memory,
            Plan plan,
            Instant now,
            WriteAuthority who,
            Optional<ParityReport> parity) {
        return StatusProjector.project(
                previous,
                new StatusProjector.Input(
                        generation,
                        desired,
                        observed,
                        memory,
                        plan.verdict(),
                        plan.active(),
                        now,
                        who,
                        parity));
    }

    private void recordFailoverMetrics(Memory before, FailoverMemory after) {
        var previousLast = before.failover().flatMap(FailoverMemory::last);
        after.last()
                .filter(last -> previousLast.map(p -> !p.equals(last)).orElse(true))
                .ifPresent(metrics::failoverFinished);
    }

    /** A Warning Event when a Stalled reason/message first appears, not on every poll. */
    private static void warnOnce(
            ClusterSide cluster,
            ServiceBusGeoPairing resource,
            ServiceBusGeoPairingStatus previous,
            String reason,
            String message) {
        boolean already =
                previous != null && Kstatus.stalledWith(previous.getConditions(), reason, message);
        if (!already) {
            cluster.event(resource, true, reason, message);
        }
    }
}
