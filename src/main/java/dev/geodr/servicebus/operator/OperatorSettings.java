package dev.geodr.servicebus.operator;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * Every {@code geodr.*} setting (environment: {@code GEODR_POLL_FAST=15s} and so on). Documented in
 * the README's configuration table; keep the two in step.
 */
@ConfigMapping(prefix = "geodr")
public interface OperatorSettings {

    Poll poll();

    Failover failover();

    Arm arm();

    GeoReplication georeplication();

    /** The ServiceBusGeoReplication kind's cadence and promotion deadlines. */
    interface GeoReplication {
        /** While an operation runs and ARM names no Retry-After. */
        @WithDefault("10s")
        Duration pollFast();

        /** While the namespace does not answer. */
        @WithDefault("30s")
        Duration pollPending();

        /** When nothing is happening (jittered ±10%). */
        @WithDefault("5m")
        Duration pollSteady();

        /** How long a Planned request may wait for its gate before it ends Rejected, unsent. */
        @WithDefault("30m")
        Duration plannedStartTimeout();

        /** How long an accepted promotion may run without an end before it is reported Failed. */
        @WithDefault("60m")
        Duration operationTimeout();
    }

    LeaderElection leaderElection();

    Parity parity();

    /** The comparison of what Geo-DR does not replicate (network, auth, TLS, identity, RBAC). */
    interface Parity {
        /**
         * How often both namespaces' settings and role assignments are read and compared (four to
         * six reads per pairing); never while a failover is pending.
         */
        @WithDefault("30m")
        Duration interval();
    }

    interface LeaderElection {
        /** Namespace of the Lease; application.properties sets ${POD_NAMESPACE:default}. */
        @WithDefault("default")
        String namespace();
    }

    /**
     * The name of the cluster this operator runs in (a lowercase DNS label). A resource whose
     * {@code spec.writerCluster} names another cluster is only observed here; one that names none
     * is written by every operator that sees it. Also sent to ARM in the User-Agent of every call.
     */
    Optional<String> clusterName();

    @WithName("connection-secret-refresh")
    @WithDefault("1h")
    Duration keyRefresh();

    interface Poll {
        /** While a transition is in flight. */
        @WithDefault("10s")
        Duration fast();

        /**
         * The first poll after a pairing PUT: the quickest recorded pairing took 61 s, and a poll
         * one fast poll after the first minute still sees it within a fast poll.
         */
        @WithDefault("70s")
        Duration firstAfterPairing();

        /** While replication is pending or a namespace does not answer. */
        @WithDefault("30s")
        Duration pending();

        /** When nothing is happening (jittered ±10%). */
        @WithDefault("5m")
        Duration steady();
    }

    interface Failover {
        /** How long a Safe request waits for zero pending replication before it ends Failed. */
        @WithDefault("10m")
        Duration safeTimeout();

        /** How long an issued failover may show no progress before it is reported Failed. */
        @WithDefault("15m")
        Duration issuedTimeout();
    }

    interface Arm {
        /** AzureCloud, AzureChinaCloud or AzureUSGovernment. */
        @WithDefault("AzureCloud")
        String cloud();

        /** Overrides the cloud's ARM endpoint (https only). */
        Optional<URI> endpoint();

        /**
         * Where Azure Monitor metrics (Geo-Replication lag) are read (https only); defaults to the
         * ARM endpoint, as in Azure's public clouds.
         */
        Optional<URI> metricsEndpoint();

        /** Overrides the cloud's Entra ID authority host (https only). */
        Optional<URI> authorityHost();

        /**
         * The share of ARM's per-subscription quota the operator's routine calls may use; the
         * budget below defaults to this share of ARM's documented buckets.
         */
        @WithDefault("0.5")
        double share();

        /** Client-side reads per second per subscription, shared by all pairings. */
        OptionalDouble readsPerSecond();

        OptionalInt readBurst();

        /** Client-side writes (PUT, POST, DELETE) per second per subscription. */
        OptionalDouble writesPerSecond();

        OptionalInt writeBurst();
    }
}
