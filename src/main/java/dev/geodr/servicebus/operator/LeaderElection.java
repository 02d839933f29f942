package dev.geodr.servicebus.operator;

import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
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

    static {
        // Set as soon as the JVM starts shutting down, before the lease is released.
        Runtime.getRuntime()
                .addShutdownHook(new Thread(() -> SHUTTING_DOWN.set(true), "geodr-shutdown-flag"));
    }

    @Produces
    @Singleton
    LeaderElectionConfiguration leaderElection(OperatorSettings settings) {
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
                null,
                new LeaderCallbacks(() -> {}, LeaderElection::onStopLeading, leader -> {}),
                false);
    }

    /** Before QOSDK's own shutdown listener stops the operator (and with it the leader elector). */
    void onShutdown(@Observes @Priority(1) ShutdownEvent event) {
        SHUTTING_DOWN.set(true);
    }

    static void onStopLeading() {
        if (SHUTTING_DOWN.get()) {
            LOG.info("released the leader lease during shutdown");
            return;
        }
        LOG.error("lost the leader lease; exiting so that only one operator reconciles");
        // Not on this thread: exit waits for the shutdown hooks, and one of them may be waiting for
        // it.
        new Thread(() -> System.exit(1), "geodr-exit-on-lost-lease").start();
    }
}
