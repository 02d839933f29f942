package dev.geodr.servicebus.operator;

import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

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
    LeaderElectionConfiguration leaderElection(
            @ConfigProperty(name = "geodr.leader-election.namespace", defaultValue = "${POD_NAMESPACE:default}")
            String namespace) {
        return new LeaderElectionConfiguration(LEASE, namespace);
    }
}
