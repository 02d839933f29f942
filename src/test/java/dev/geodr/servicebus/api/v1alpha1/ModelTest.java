package dev.geodr.servicebus.api.v1alpha1;

import static org.assertj.core.api.Assertions.assertThat;

import dev.geodr.servicebus.arm.NamespaceRef;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ModelTest {

    static final KubernetesSerialization K8S = new KubernetesSerialization();
    static final String NS =
            "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/geodr-demo/providers/Microsoft.ServiceBus/namespaces/";

    @Test
    void namespaceIdPatternIsTheArmPortsPattern() {
        assertThat(FieldPatterns.NAMESPACE_ID).isEqualTo(NamespaceRef.ID_REGEX);
        assertThat(FieldPatterns.NAMESPACE_ID).endsWith(FieldPatterns.NAMESPACE_NAME.substring(1));
    }

    static final String GUID = "0b5e7c1a-3f2d-4e6b-9a8c-1d2e3f4a5b6c";

    static String id(String subscriptions, String sub, String groups, String rg, String tail) {
        return "/" + subscriptions + "/" + sub + "/" + groups + "/" + rg + tail;
    }

    static String id(String sub, String rg) {
        return id("subscriptions", sub, "resourceGroups", rg, TAIL);
    }

    static final String TAIL = "/providers/Microsoft.ServiceBus/namespaces/orders-weu";

    /**
     * The namespace-id table, as ARM judges ids: {@code fragment == null} means accepted, otherwise
     * the text {@link NamespaceRef#problem} must name. CrdModelTest runs the committed CRD's
     * pattern over the same rows.
     */
    static Stream<Arguments> namespaceIds() {
        return Stream.of(
                Arguments.of("canonical", id(GUID, "geodr-demo"), null),
                Arguments.of("upper-case GUID", id(GUID.toUpperCase(), "rg"), null),
                Arguments.of(
                        "lower-case resourcegroups",
                        id("subscriptions", GUID, "resourcegroups", "rg", TAIL),
                        null),
                Arguments.of(
                        "upper-case MICROSOFT.SERVICEBUS",
                        id(
                                "subscriptions",
                                GUID,
                                "resourceGroups",
                                "rg",
                                "/providers/MICROSOFT.SERVICEBUS/namespaces/orders-weu"),
                        null),
                Arguments.of(
                        "every keyword in another case",
                        id(
                                "SUBSCRIPTIONS",
                                GUID,
                                "RESOURCEGROUPS",
                                "rg",
                                "/Providers/microsoft.servicebus/NAMESPACES/orders-weu"),
                        null),
                Arguments.of("parentheses in the resource group", id(GUID, "(rg)_x-1.y"), null),
                Arguments.of("a 1-char resource group", id(GUID, "r"), null),
                Arguments.of("a 90-char resource group", id(GUID, "r".repeat(90)), null),
                Arguments.of(
                        "non-GUID subscription",
                        id("abc", "rg"),
                        "subscription \"abc\" is not a GUID"),
                Arguments.of(
                        "GUID without hyphens", id(GUID.replace("-", ""), "rg"), "is not a GUID"),
                Arguments.of(
                        "resource group ..",
                        id(GUID, ".."),
                        "resource group \"..\" must not end with a period"),
                Arguments.of(
                        "resource group ending with a period",
                        id(GUID, "rg."),
                        "resource group \"rg.\" must not end with a period"),
                Arguments.of(
                        "query in the resource group",
                        id(GUID, "rg?x=1"),
                        "resource group \"rg?x=1\" may only contain"),
                Arguments.of(
                        "fragment in the resource group",
                        id(GUID, "rg#x"),
                        "resource group \"rg#x\" may only contain"),
                Arguments.of(
                        "a 91-char resource group",
                        id(GUID, "r".repeat(91)),
                        "is longer than 90 characters"),
                Arguments.of(
                        "namespace name too short",
                        id(GUID, "rg").replace("orders-weu", "ab"),
                        "namespace name \"ab\" must be 6-50"),
                Arguments.of(
                        "another provider",
                        id(GUID, "rg").replace("ServiceBus", "EventHub"),
                        "must be a namespace ARM id of the form"),
                Arguments.of("bare name", "orders-weu", "must be a namespace ARM id"),
                Arguments.of("empty", "", "is required"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("namespaceIds")
    void namespaceIdsAreJudgedAsArmDoes(String row, String id, String fragment) {
        boolean accepted = fragment == null;
        assertThat(Pattern.compile(FieldPatterns.NAMESPACE_ID).matcher(id).matches())
                .as("CRD pattern on %s", id)
                .isEqualTo(accepted);
        if (accepted) {
            assertThat(NamespaceRef.problem(id)).as(id).isEmpty();
            // the keywords are normalised, the user's segments kept as written
            assertThat(NamespaceRef.parse(id).id())
                    .startsWith("/subscriptions/")
                    .contains("/resourceGroups/")
                    .contains("/providers/Microsoft.ServiceBus/namespaces/");
            assertThat(NamespaceRef.parse(id)).isEqualTo(NamespaceRef.parse(id.toLowerCase()));
        } else {
            assertThat(NamespaceRef.problem(id))
                    .as(id)
                    .hasValueSatisfying(p -> assertThat(p).contains(fragment));
        }
    }

    @Test
    void emptyStatusWritesNothing() {
        assertThat(K8S.asJson(new ServiceBusGeoPairingStatus())).isEqualTo("{}");
        assertThat(K8S.asJson(new FailoverStatus())).isEqualTo("{}");
    }

    @Test
    void fullStatusRoundTripsAndCompares() {
        ServiceBusGeoPairing cr = pairing();
        cr.setStatus(fullStatus());
        String yaml = K8S.asYaml(cr);
        ServiceBusGeoPairing back = K8S.unmarshal(yaml, ServiceBusGeoPairing.class);
        assertThat(back.getStatus()).isEqualTo(cr.getStatus()).hasSameHashCodeAs(cr.getStatus());
        assertThat(back.getSpec()).isEqualTo(cr.getSpec()).hasSameHashCodeAs(cr.getSpec());
        assertThat(yaml)
                .contains(
                        "phase: \"Intended\"",
                        "outcome: \"Succeeded\"",
                        "mode: \"Safe\"",
                        "type: \"Ready\"");

        ServiceBusGeoPairingStatus changed = fullStatus();
        changed.getFailover().getInFlight().setPhase(FailoverPhase.Issued);
        assertThat(changed).isNotEqualTo(cr.getStatus());
        ServiceBusGeoPairingStatus otherCondition = fullStatus();
        otherCondition.getConditions().get(0).setMessage("other");
        assertThat(otherCondition).isNotEqualTo(cr.getStatus());
    }

    @Test
    void resourceIdentity() {
        ServiceBusGeoPairing cr = pairing();
        assertThat(cr.getApiVersion()).isEqualTo("servicebus.geodr.dev/v1alpha1");
        assertThat(cr.getKind()).isEqualTo("ServiceBusGeoPairing");
        assertThat(cr.getPlural()).isEqualTo("servicebusgeopairings");
        assertThat(cr.getCRDName()).isEqualTo("servicebusgeopairings.servicebus.geodr.dev");
    }

    @Test
    void conditionTypesAreValidMetav1Values() throws IllegalAccessException {
        // metav1.Condition: type is a qualified name, reason matches this pattern
        String reasonPattern = "^[A-Za-z]([A-Za-z0-9_,:]*[A-Za-z0-9_])?$";
        List<String> values = new ArrayList<>();
        for (Field f : Conditions.class.getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
                values.add((String) f.get(null));
            }
        }
        assertThat(values).contains("Ready", "Reconciling", "Stalled", "FailoverReady");
        assertThat(values).allSatisfy(v -> assertThat(v).matches(reasonPattern));
    }

    static ServiceBusGeoPairing pairing() {
        ServiceBusGeoPairing cr = new ServiceBusGeoPairing();
        cr.getMetadata().setName("orders");
        ServiceBusGeoPairingSpec spec = new ServiceBusGeoPairingSpec();
        spec.setAlias("orders");
        spec.setPrimaryNamespace(NS + "orders-weu");
        spec.setPartnerNamespace(NS + "orders-neu");
        spec.setFailoverRequested(4);
        spec.setConnectionSecret(
                new ConnectionSecret("orders-alias", ConnectionSecret.DEFAULT_AUTHORIZATION_RULE));
        spec.setCredentialsSecretRef(new SecretReference("orders-azure"));
        cr.setSpec(spec);
        return cr;
    }

    static ServiceBusGeoPairingStatus fullStatus() {
        ServiceBusGeoPairingStatus s = new ServiceBusGeoPairingStatus();
        s.setObservedGeneration(7L);
        s.setRole("Primary");
        s.setProvisioningState("Succeeded");
        s.setPendingReplicationOperationsCount(0L);
        s.setActiveNamespace(NS + "orders-weu");
        s.setActiveNamespaceName("orders-weu");
        NamespaceStatus primary = new NamespaceStatus();
        primary.setNamespace(NS + "orders-weu");
        primary.setRole("Primary");
        primary.setProvisioningState("Succeeded");
        primary.setPartnerNamespace(NS + "orders-neu");
        primary.setReachable(true);
        s.setPrimary(primary);
        NamespaceStatus partner = new NamespaceStatus();
        partner.setNamespace(NS + "orders-neu");
        partner.setRole("Secondary");
        partner.setProvisioningState("Succeeded");
        partner.setPartnerNamespace(NS + "orders-weu");
        partner.setReachable(true);
        s.setPartner(partner);
        FailoverStatus failover = new FailoverStatus();
        failover.setLastHandledRequest(3L);
        FailoverInFlight inFlight = new FailoverInFlight();
        inFlight.setRequest(4L);
        inFlight.setMode(FailoverMode.Safe);
        inFlight.setFrom(NS + "orders-weu");
        inFlight.setTo(NS + "orders-neu");
        inFlight.setPhase(FailoverPhase.Intended);
        inFlight.setStartedAt("2025-01-02T03:04:05Z");
        failover.setInFlight(inFlight);
        FailoverResult last = new FailoverResult();
        last.setRequest(3L);
        last.setOutcome(FailoverOutcome.Succeeded);
        last.setMode(FailoverMode.Forced);
        last.setFrom(NS + "orders-neu");
        last.setTo(NS + "orders-weu");
        last.setStartedAt("2025-01-01T00:00:00Z");
        last.setCompletedAt("2025-01-01T00:01:00Z");
        last.setMessage("failed over");
        failover.setLast(last);
        s.setFailover(failover);
        s.setLastSyncTime("2025-01-02T03:04:06Z");
        Condition ready =
                new ConditionBuilder()
                        .withType(Conditions.READY)
                        .withStatus(Conditions.FALSE)
                        .withReason("FailingOver")
                        .withMessage("failing over to orders-neu")
                        .withObservedGeneration(7L)
                        .withLastTransitionTime("2025-01-02T03:04:05Z")
                        .build();
        s.setConditions(new ArrayList<>(List.of(ready)));
        return s;
    }
}
