package dev.geodr.servicebus.kube;

import static org.assertj.core.api.Assertions.assertThat;

import dev.geodr.servicebus.api.v1alpha1.ServiceBusGeoPairing;
import dev.geodr.servicebus.operator.OperatorHarness;
import dev.geodr.servicebus.operator.SimulatorLauncher;
import dev.geodr.servicebus.simulator.SimulatorClient;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Shared fixture of the {@link RealApiServerProfile} tests: {@link #operatorClient} is the
 * application's own client (the operator's ServiceAccount token, nothing else), {@link #admin} acts
 * as a cluster user, {@link #sim} drives the embedded simulator's manual clock and reads its call
 * log.
 */
abstract class RealApiTestBase {

    static final String NS = OperatorHarness.NS;

    /** The field manager of a user's (or a GitOps tool's) server-side apply. */
    static final String USER_FIELD_MANAGER = "geodr-it-user";

    @Inject KubernetesClient operatorClient;

    @Inject SimulatorLauncher launcher;

    @ConfigProperty(name = "geodr-it.admin-kubeconfig")
    String adminKubeconfig;

    @ConfigProperty(name = "geodr-it.operator-kubeconfig")
    String operatorKubeconfig;

    KubernetesClient admin;
    SimulatorClient sim;
    OperatorHarness op;

    @BeforeEach
    void connect() {
        try {
            admin =
                    new KubernetesClientBuilder()
                            .withConfig(
                                    Config.fromKubeconfig(
                                            Files.readString(Path.of(adminKubeconfig))))
                            .build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        SimulatorLauncher.Endpoint endpoint = launcher.endpoint();
        sim = SimulatorClient.connect(endpoint.baseUri(), endpoint.certificate());
        op = new OperatorHarness(admin, sim);
    }

    @AfterEach
    void disconnect() {
        if (admin != null) {
            admin.close();
        }
    }

    /**
     * {@code kubectl apply --server-side --force-conflicts} of the whole object, as a user or
     * GitOps tool would.
     */
    ServiceBusGeoPairing apply(ServiceBusGeoPairing cr) {
        return admin.resource(cr)
                .fieldManager(USER_FIELD_MANAGER)
                .forceConflicts()
                .serverSideApply();
    }

    /**
     * kstatus "Current": status.observedGeneration and every condition's observedGeneration equal
     * metadata.generation, Ready is True and the abnormal-true conditions Reconciling and Stalled
     * are not True.
     */
    static void assertCurrentAndReady(ServiceBusGeoPairing cr) {
        assertObservedThisGeneration(cr);
        assertThat(OperatorHarness.isTrue(cr, "Ready")).as("Ready").isTrue();
        assertThat(OperatorHarness.isTrue(cr, "Reconciling")).as("Reconciling").isFalse();
        assertThat(OperatorHarness.isTrue(cr, "Stalled")).as("Stalled").isFalse();
    }

    static void assertObservedThisGeneration(ServiceBusGeoPairing cr) {
        long generation = cr.getMetadata().getGeneration();
        assertThat(cr.getStatus().getObservedGeneration())
                .as("status.observedGeneration")
                .isEqualTo(generation);
        assertThat(cr.getStatus().getConditions())
                .as("conditions")
                .isNotEmpty()
                .allSatisfy(
                        c ->
                                assertThat(c.getObservedGeneration())
                                        .as("conditions[%s].observedGeneration", c.getType())
                                        .isEqualTo(generation));
        assertThat(cr.getStatus().getConditions())
                .extracting(Condition::getType)
                .doesNotHaveDuplicates();
    }

    static boolean observed(ServiceBusGeoPairing cr) {
        return cr.getStatus() != null
                && cr.getStatus().getObservedGeneration() != null
                && cr.getStatus().getObservedGeneration().equals(cr.getMetadata().getGeneration());
    }
}
