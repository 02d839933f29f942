package dev.geodr.servicebus.operator;

import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * With more than one replica only the lease holder reconciles, so two operators can never both decide to
 * fail over. QOSDK activates it in the prod profile only. The lease lives in the operator's namespace
 * ({@code POD_NAMESPACE} from the downward API in deploy/; "default" for `make run` outside a cluster).
 */
@ApplicationScoped
public class LeaderElection {

    static final String LEASE = "servicebus-geodr-operator-lease";

    @Produces
    @Singleton
    LeaderElectionConfiguration leaderElection(OperatorSettings settings) {
        return new LeaderElectionConfiguration(LEASE, settings.leaderElection().namespace());
    }
}
