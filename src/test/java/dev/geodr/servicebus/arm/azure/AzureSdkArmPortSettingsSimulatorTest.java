package dev.geodr.servicebus.arm.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import dev.geodr.servicebus.arm.ArmErrorKind;
import dev.geodr.servicebus.arm.ArmException;
import dev.geodr.servicebus.arm.ArmGeoDrPort;
import dev.geodr.servicebus.arm.ArmIdentity;
import dev.geodr.servicebus.arm.NamespaceRef;
import dev.geodr.servicebus.arm.NamespaceSettings;
import dev.geodr.servicebus.arm.RoleAssignment;
import dev.geodr.servicebus.simulator.SimulatorClient;
import dev.geodr.servicebus.testing.MutableClock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code getSettings} and {@code listRoleAssignments} through the real Azure SDK pipeline over
 * HTTPS against the embedded simulator: the defaults, every setting, role assignments at and below
 * the namespace (inherited ones dropped), a missing read permission, a missing network rule set and
 * a missing namespace, with the simulator's call log as the witness of what was sent.
 */
class AzureSdkArmPortSettingsSimulatorTest extends ManualSimulatorTest {

    static final String SUB = "5f1c2e3d-0000-4000-8000-000000000003";
    static final NamespaceRef NS = new NamespaceRef(SUB, "rg-parity", "Parity-Primary-ns");
    static final String P1 = "11111111-1111-1111-1111-11111111111A";
    static final String P2 = "22222222-2222-2222-2222-222222222222";
    static final String SUBNET =
            "/subscriptions/"
                    + SUB
                    + "/resourceGroups/net/providers/Microsoft.Network/virtualNetworks/v/subnets/";

    final List<ArmCall> calls = new CopyOnWriteArrayList<>();
    ArmGeoDrPort port;

    @BeforeEach
    void freshState() {
        admin.reset();
        admin.putNamespace(NS, "{\"location\":\"eastus\"}");
        port =
                new AzureSdkArmPortFactory(
                                vertx,
                                ArmEndpointSettings.forSimulator(
                                        sim.baseUri(), sim.certificatePath()),
                                calls::add,
                                MutableClock.atEpochPlus(0))
                        .forIdentity(new ArmIdentity.OperatorDefault());
    }

    @Test
    void aNamespaceNobodyConfiguredReadsAsAzuresDefaults() {
        assertThat(port.getSettings(NS)).isEqualTo(NamespaceSettings.DEFAULTS);
        assertThat(port.listRoleAssignments(NS)).isEmpty();

        List<SimulatorClient.Call> sent = admin.calls(NS.id());
        assertThat(sent)
                .extracting(SimulatorClient.Call::operation, SimulatorClient.Call::apiVersion)
                .containsExactly(
                        tuple("getNamespace", "2024-01-01"),
                        tuple("getNetworkRuleSet", "2021-11-01"),
                        tuple("listRoleAssignments", "2022-04-01"));
        // every call, the adapter's own requests included, names the operator first; then the
        // User-Agent tells the SDK's generated client (networkRuleSets) from requests the
        // adapter builds itself on that client's pipeline (the namespace at 2024-01-01, roles)
        assertThat(sent)
                .extracting(SimulatorClient.Call::userAgent)
                .allSatisfy(
                        ua ->
                                assertThat(ua)
                                        .startsWith(
                                                ArmEndpointSettings.PRODUCT
                                                        + " azsdk-java-com.azure.resourcemanager."))
                .element(1)
                .asString()
                .startsWith(
                        ArmEndpointSettings.PRODUCT
                                + " azsdk-java-com.azure.resourcemanager.servicebus/2.53.5 ");
        assertThat(calls)
                .extracting(ArmCall::operation)
                .containsExactly("getNamespace", "getNetworkRuleSet", "listRoleAssignments");
    }

    @Test
    void everySettingIsReadFromTheNamespaceAndItsNetworkRuleSet() {
        admin.putNamespace(
                NS,
                "{\"privateEndpoints\":2,\"publicNetworkAccess\":\"SecuredByPerimeter\",\"disableLocalAuth\":true,"
                        + "\"minimumTlsVersion\":\"1.0\",\"networkRuleSet\":{\"defaultAction\":\"Deny\","
                        + "\"ipRules\":[\"203.0.113.7\",\"10.0.0.0/24\"],\"virtualNetworkRules\":[\""
                        + SUBNET
                        + "b\",\""
                        + SUBNET
                        + "A\"],\"trustedServiceAccessEnabled\":true},"
                        + "\"identity\":{\"type\":\"SystemAssigned, UserAssigned\"},"
                        + "\"encryption\":{\"keySource\":\"Microsoft.KeyVault\"}}");

        assertThat(port.getSettings(NS))
                .isEqualTo(
                        new NamespaceSettings(
                                "SecuredByPerimeter",
                                true,
                                "1.0",
                                "Deny",
                                List.of("10.0.0.0/24", "203.0.113.7"),
                                List.of(SUBNET + "A", SUBNET + "b"),
                                true,
                                2,
                                "SystemAssigned, UserAssigned",
                                "Microsoft.KeyVault"));
    }

    @Test
    void roleAssignmentsAtAndBelowTheNamespaceAreKeptInheritedOnesDropped() {
        admin.putNamespace(
                NS,
                "{\"roleAssignments\":["
                        + "{\"principalId\":\""
                        + P1
                        + "\",\"roleDefinitionName\":\"Azure Service Bus Data Sender\",\"scope\":\"Queues/Orders\"},"
                        + "{\"principalId\":\""
                        + P2
                        + "\",\"roleDefinitionName\":\"Azure Service Bus Data Owner\"},"
                        + "{\"principalId\":\""
                        + P2
                        + "\",\"roleDefinitionName\":\"Reader\",\"scope\":\"/subscriptions/"
                        + SUB
                        + "/resourceGroups/rg-parity\"},"
                        + "{\"principalId\":\""
                        + P2
                        + "\",\"roleDefinitionName\":\"Contributor\",\"scope\":\"/subscriptions/"
                        + SUB
                        + "\"}]}");

        assertThat(port.listRoleAssignments(NS))
                .containsExactly(
                        new RoleAssignment(
                                P1.toLowerCase(),
                                "69a216fc-b8fb-44d8-bc22-1f3c2cd27a39",
                                "queues/orders"),
                        new RoleAssignment(P2, "090c5cfd-751d-490a-894a-3ce6f1109419", ""));
        assertThat(admin.count(NS.id(), "listRoleAssignments"))
                .as("one page, one GET")
                .isEqualTo(1);
    }

    @Test
    void aMissingReadPermissionIsFatalAndSaysWhichPermission() {
        admin.addFaults("{\"roleAssignmentsForbidden\":true}");
        try {
            assertThatThrownBy(() -> port.listRoleAssignments(NS))
                    .asInstanceOf(type(ArmException.class))
                    .satisfies(
                            e -> {
                                assertThat(e.kind()).isEqualTo(ArmErrorKind.FATAL);
                                assertThat(e.httpStatus()).isEqualTo(403);
                                assertThat(e.code()).isEqualTo("AuthorizationFailed");
                                assertThat(e.getMessage())
                                        .startsWith(
                                                "the operator's identity lacks Microsoft.Authorization/roleAssignments/read on "
                                                        + NS.id());
                            });
            assertThat(port.getSettings(NS))
                    .as("the settings need no Authorization permission")
                    .isEqualTo(NamespaceSettings.DEFAULTS);
        } finally {
            admin.clearFaults();
        }
    }

    @Test
    void aNetworkRuleSet404MeansTheDefaultsNotAFailure() {
        admin.putNamespace(
                NS, "{\"disableLocalAuth\":true,\"networkRuleSet\":{\"defaultAction\":\"Deny\"}}");
        admin.addFaults(
                "{\"failNext\":{\"operation\":\"getNetworkRuleSet\",\"status\":404,\"code\":\"NotFound\"}}");
        try {
            NamespaceSettings read = port.getSettings(NS);
            assertThat(read.networkDefaultAction()).isEqualTo("Allow");
            assertThat(read.disableLocalAuth())
                    .as("the namespace's own properties still come from its GET")
                    .isTrue();
        } finally {
            admin.clearFaults();
        }
    }

    @Test
    void aMissingNamespaceIsNotFoundForBothReads() {
        NamespaceRef missing = new NamespaceRef(SUB, "rg-parity", "no-such-namespace");
        for (Runnable read :
                List.<Runnable>of(
                        () -> port.getSettings(missing), () -> port.listRoleAssignments(missing))) {
            assertThatThrownBy(read::run)
                    .asInstanceOf(type(ArmException.class))
                    .satisfies(
                            e -> {
                                assertThat(e.kind()).isEqualTo(ArmErrorKind.NOT_FOUND);
                                assertThat(e.isNamespaceNotFound()).isTrue();
                            });
        }
    }

    @Test
    void aServerErrorOnTheRoleListIsTransient() {
        admin.addFaults(
                "{\"failNext\":{\"operation\":\"listRoleAssignments\",\"status\":503,\"code\":\"ServiceUnavailable\"}}");
        try {
            assertThatThrownBy(() -> port.listRoleAssignments(NS))
                    .asInstanceOf(type(ArmException.class))
                    .extracting(ArmException::kind)
                    .isEqualTo(ArmErrorKind.TRANSIENT);
            assertThat(admin.count(NS.id(), "listRoleAssignments")).as("not retried").isEqualTo(1);
        } finally {
            admin.clearFaults();
        }
    }
}
