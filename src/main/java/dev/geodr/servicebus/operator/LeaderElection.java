package dev.geodr.servicebus.operator;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * With more than one replica only the lease holder reconciles, so two operators never both decide
 * to fail over. QOSDK activates it in the prod profile only. The lease lives in the operator's
 * namespace ({@code POD_NAMESPACE} from the downward API in deploy/; "default" for `make run`
 * outside a cluster).
 *
 * <p>Losing the lease while running must end the process, as JOSDK does by default. But JOSDK's own
 * exit also fires when the lease is released during a normal shutdown, where {@code System.exit}
 * inside the shutdown hook blocks forever and every SIGTERM ends in a SIGKILL. So the exit is ours,
 * skipped once shutdown has begun.
 */
@ApplicationScoped
public class LeaderElection {

    static final String LEASE = "servicebus-geodr-operator-lease";
    private static final Logger LOG = Logger.getLogger(LeaderElection.class);
    private static final AtomicBoolean SHUTTING_DOWN = new AtomicBoolean();
    private static final AtomicBoolean LEADING = new AtomicBoolean();
    private static final AtomicBoolean LEADING_AT_SHUTDOWN = new AtomicBoolean();

    /**
     * Who this replica is in the Lease: the Pod's name (downward API, as the chart and deploy/
     * set), else the host name, else a random id. Chosen here rather than by JOSDK so the handover
     * can tell its own Lease from another replica's.
     */
    static final String IDENTITY = identity(System.getenv("POD_NAME"), System.getenv("HOSTNAME"));

    static {
        // Set as soon as the JVM starts shutting down, before the lease is released.
        Runtime.getRuntime()
                .addShutdownHook(new Thread(() -> SHUTTING_DOWN.set(true), "geodr-shutdown-flag"));
    }

    @Produces
    @Singleton
    LeaderElectionConfiguration leaderElection(OperatorSettings settings, OperatorMetrics metrics) {
        // The builder refuses exitOnStopLeading=false outside tests; the full constructor is the
        // supported
        // way to take the exit over (JOSDK 5.3.2 marks it for package-only use later: revisit on
        // upgrade).
        return new LeaderElectionConfiguration(
                LEASE,
                settings.leaderElection().namespace(),
                LeaderElectionConfiguration.LEASE_DURATION_DEFAULT_VALUE,
                LeaderElectionConfiguration.RENEW_DEADLINE_DEFAULT_VALUE,
                LeaderElectionConfiguration.RETRY_PERIOD_DEFAULT_VALUE,
                IDENTITY,
                new LeaderCallbacks(
                        () -> {
                            LEADING.set(true);
                            metrics.leading(true);
                        },
                        () -> {
                            metrics.leading(false);
                            onStopLeading();
                        },
                        leader -> {}),
                false);
    }

    /** Before QOSDK's own shutdown listener stops the operator (and with it the leader elector). */
    void onShutdown(@Observes @Priority(1) ShutdownEvent event) {
        SHUTTING_DOWN.set(true);
        LEADING_AT_SHUTDOWN.set(LEADING.get());
    }

    /**
     * After QOSDK's own shutdown listener (default priority 2500) has stopped the operator: its
     * controllers are stopped and its reconcile threads have finished (JOSDK waits for them up to
     * its reconciliation termination timeout before it stops the elector), so the next leader does
     * not overlap with a pass of this one. A pass that outlived that timeout could still write
     * while the successor starts; ARM's observed state and the persisted intent decide for the
     * successor, as after a crash. A client of its own, since stopping the operator may have closed
     * the shared one.
     */
    void handOverLease(
            @Observes @Priority(3000) ShutdownEvent event,
            KubernetesClient client,
            OperatorSettings settings) {
        if (!LEADING_AT_SHUTDOWN.get()) {
            return;
        }
        try (KubernetesClient own =
                new KubernetesClientBuilder().withConfig(client.getConfiguration()).build()) {
            LeaseHandover.release(own, settings.leaderElection().namespace(), LEASE, IDENTITY);
        }
    }

    static String identity(String podName, String hostName) {
        if (podName != null && !podName.isBlank()) {
            return podName;
        }
        if (hostName != null && !hostName.isBlank()) {
            return hostName;
        }
        return UUID.randomUUID().toString();
    }

    static void onStopLeading() {
        LEADING.set(false);
        if (SHUTTING_DOWN.get()) {
            LOG.info("stopped leading for the shutdown");
            return;
        }
        LOG.error("lost the leader lease; exiting so that only one operator reconciles");
        // Not on this thread: exit waits for the shutdown hooks, and one of them may be waiting for
        // it.
        new Thread(() -> System.exit(1), "geodr-exit-on-lost-lease").start();
    }
}
