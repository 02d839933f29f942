package dev.geodr.servicebus.operator;

import dev.geodr.servicebus.api.v1alpha1.FieldPatterns;
import dev.geodr.servicebus.arm.ArmPortFactory;
import dev.geodr.servicebus.arm.azure.ArmEndpointSettings;
import dev.geodr.servicebus.arm.azure.ArmProxy;
import dev.geodr.servicebus.arm.azure.AzureSdkArmPortFactory;
import dev.geodr.servicebus.arm.azure.RateLimitSettings;
import dev.geodr.servicebus.georeplication.GeoReplicationPlanner;
import dev.geodr.servicebus.georeplication.GeoReplicationSettings;
import dev.geodr.servicebus.pairing.PairingPlanner;
import dev.geodr.servicebus.pairing.PlannerSettings;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

/** Wires the pure planner, the clock and the one ARM adapter from configuration. */
@ApplicationScoped
public class OperatorBeans {

    private static final Logger LOG = Logger.getLogger(OperatorBeans.class);

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Produces
    @Singleton
    PairingPlanner planner(OperatorSettings settings) {
        return new PairingPlanner(
                new PlannerSettings(
                        settings.poll().fast(),
                        settings.poll().firstAfterPairing(),
                        settings.poll().pending(),
                        settings.poll().steady(),
                        settings.failover().safeTimeout(),
                        settings.failover().issuedTimeout()));
    }

    @Produces
    @Singleton
    GeoReplicationPlanner geoReplicationPlanner(OperatorSettings settings) {
        var g = settings.georeplication();
        return new GeoReplicationPlanner(
                new GeoReplicationSettings(
                        g.pollFast(),
                        g.pollPending(),
                        g.pollSteady(),
                        g.plannedStartTimeout(),
                        g.operationTimeout()));
    }

    /**
     * {@code geodr.cluster-name}, checked once at start: a name that could never equal a {@code
     * spec.writerCluster} would silently make this operator an observer of everything.
     */
    static Optional<String> clusterName(OperatorSettings settings) {
        Optional<String> name = settings.clusterName().filter(n -> !n.isBlank());
        name.ifPresent(
                n -> {
                    if (!n.matches(FieldPatterns.CLUSTER_NAME)) {
                        throw new IllegalArgumentException(
                                "geodr.cluster-name (GEODR_CLUSTER_NAME) \""
                                        + n
                                        + "\": "
                                        + DesiredReader.CLUSTER_RULE);
                    }
                });
        name.ifPresentOrElse(
                n ->
                        LOG.infof(
                                "cluster %s: this operator writes to Azure only for resources whose "
                                        + "spec.writerCluster is omitted or names it",
                                n),
                () ->
                        LOG.info(
                                "no geodr.cluster-name: this operator writes only for resources whose "
                                        + "spec.writerCluster is omitted"));
        return name;
    }

    @Produces
    @Singleton
    ArmPortFactory armPorts(
            Vertx vertx,
            OperatorSettings settings,
            SimulatorLauncher simulator,
            OperatorMetrics metrics,
            Clock clock) {
        var arm = settings.arm();
        var share = RateLimitSettings.shareOfArm(arm.share());
        Optional<String> cluster = clusterName(settings);
        ArmEndpointSettings.Builder builder =
                ArmEndpointSettings.builder()
                        .cloud(arm.cloud())
                        .userAgent(
                                ArmEndpointSettings.userAgentFor(
                                        ConfigProvider.getConfig()
                                                .getOptionalValue(
                                                        "quarkus.application.version", String.class)
                                                .orElse(null),
                                        cluster))
                        .rateLimits(
                                share.withReads(
                                                arm.readsPerSecond().orElse(share.readsPerSecond()),
                                                arm.readBurst().orElse(share.readBurst()))
                                        .withWrites(
                                                arm.writesPerSecond()
                                                        .orElse(share.writesPerSecond()),
                                                arm.writeBurst().orElse(share.writeBurst())));
        arm.endpoint().ifPresent(builder::armEndpoint);
        arm.authorityHost().ifPresent(builder::authorityHost);
        arm.metricsEndpoint().ifPresent(builder::metricsEndpoint);
        ArmProxy.fromEnvironment(System.getenv())
                .ifPresent(
                        proxy -> {
                            builder.proxy(proxy);
                            LOG.infof("ARM and Azure AD calls go through %s", proxy);
                            if (!proxy.unmatchedNoProxy().isEmpty()) {
                                LOG.warnf(
                                        "NO_PROXY entries %s are CIDR ranges, which the ARM client cannot match; "
                                                + "calls to those addresses still go through the proxy",
                                        proxy.unmatchedNoProxy());
                            }
                        });
        if (simulator.enabled()) {
            SimulatorLauncher.Endpoint endpoint = simulator.endpoint();
            builder.armEndpoint(endpoint.baseUri())
                    .trustedCertificatePem(endpoint.certificate())
                    .simulatorMode(true);
            LOG.infof(
                    "simulator mode: ARM calls go to %s through the Azure SDK", endpoint.baseUri());
        }
        return new AzureSdkArmPortFactory(
                vertx,
                builder.build(),
                call -> metrics.armRequest(call.operation(), call.httpStatus()),
                clock,
                // The lag's metrics window is "the last five minutes" of the simulated ARM's time.
                simulator.embeddedClock().orElse(clock));
    }
}
