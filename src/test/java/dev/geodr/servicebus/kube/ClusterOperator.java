package dev.geodr.servicebus.kube;

import dev.geodr.servicebus.arm.azure.ArmCallListener;
import dev.geodr.servicebus.arm.azure.ArmEndpointSettings;
import dev.geodr.servicebus.arm.azure.AzureSdkArmPortFactory;
import dev.geodr.servicebus.georeplication.GeoReplicationPlanner;
import dev.geodr.servicebus.georeplication.GeoReplicationSettings;
import dev.geodr.servicebus.operator.GeoPairingReconciler;
import dev.geodr.servicebus.operator.GeoReplicationReconciler;
import dev.geodr.servicebus.operator.OperatorMetrics;
import dev.geodr.servicebus.operator.OperatorSettings;
import dev.geodr.servicebus.pairing.PairingPlanner;
import dev.geodr.servicebus.pairing.PlannerSettings;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.vertx.core.Vertx;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * One cluster's operator for the multi-cluster ITs: the production reconcilers of both kinds in a
 * plain java-operator-sdk {@link Operator} on that cluster's API server, with its own cluster name,
 * its own ARM client (the real Azure SDK over HTTPS to the shared simulator, with that name in the
 * User-Agent) and its own informer caches. Several of them run in one JVM as operators in several
 * clusters would; {@link #stop()} is the cluster going down.
 */
final class ClusterOperator implements AutoCloseable {

    /** Short polls so a multi-cluster scenario takes seconds (the simulator clock is manual). */
    static final PlannerSettings FAST =
            new PlannerSettings(
                    Duration.ofSeconds(1),
                    Duration.ofSeconds(1),
                    Duration.ofSeconds(1),
                    Duration.ofSeconds(2),
                    Duration.ofMinutes(10),
                    Duration.ofMinutes(15));

    static final GeoReplicationSettings FAST_REPLICATION =
            new GeoReplicationSettings(
                    Duration.ofSeconds(1),
                    Duration.ofSeconds(1),
                    Duration.ofSeconds(2),
                    Duration.ofMinutes(30),
                    Duration.ofMinutes(60));

    private final Operator operator;

    private ClusterOperator(Operator operator) {
        this.operator = operator;
    }

    /** Starts the operator of cluster {@code name} against {@code client}'s API server. */
    static ClusterOperator start(
            String name, KubernetesClient client, Vertx vertx, URI simulator, Path certificate) {
        OperatorSettings settings = settings(name);
        ArmEndpointSettings arm =
                ArmEndpointSettings.forSimulator(simulator, certificate).toBuilder()
                        .userAgent(ArmEndpointSettings.userAgentFor("it", Optional.of(name)))
                        .build();
        Clock clock = Clock.systemUTC();
        AzureSdkArmPortFactory ports =
                new AzureSdkArmPortFactory(vertx, arm, ArmCallListener.NONE, clock);
        GeoPairingReconciler reconciler =
                new GeoPairingReconciler(
                        ports,
                        new PairingPlanner(FAST),
                        clock,
                        client,
                        new OperatorMetrics(new SimpleMeterRegistry()),
                        settings);
        GeoReplicationReconciler replication =
                new GeoReplicationReconciler(
                        ports,
                        new GeoReplicationPlanner(FAST_REPLICATION),
                        clock,
                        client,
                        settings);
        Operator operator =
                new Operator(o -> o.withKubernetesClient(client).withCloseClientOnStop(false));
        operator.register(reconciler);
        operator.register(replication);
        operator.start();
        return new ClusterOperator(operator);
    }

    private static OperatorSettings settings(String clusterName) {
        SmallRyeConfig config =
                new SmallRyeConfigBuilder()
                        .withMapping(OperatorSettings.class)
                        // Quarkus's own converter: the defaults read "10s", "5m", "1h"
                        .withConverter(Duration.class, 100, new DurationConverter())
                        .withSources(
                                new PropertiesConfigSource(
                                        Map.of(
                                                "geodr.cluster-name",
                                                clusterName,
                                                // compare settings every second, not every 30m
                                                "geodr.parity.interval",
                                                "1s"),
                                        "cluster-operator",
                                        500))
                        .build();
        return config.getConfigMapping(OperatorSettings.class);
    }

    /** The cluster goes down: the operator stops reconciling and sends nothing more. */
    void stop() {
        operator.stop();
    }

    @Override
    public void close() {
        stop();
    }
}
