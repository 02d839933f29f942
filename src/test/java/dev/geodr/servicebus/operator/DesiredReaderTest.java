package dev.geodr.servicebus.operator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.geodr.servicebus.api.v1alpha1.ServiceBusGeoPairing;
import dev.geodr.servicebus.api.v1alpha1.ServiceBusGeoPairingSpec;
import dev.geodr.servicebus.arm.NamespaceRef;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A spec that bypassed admission (no CRD schema, an old object) is refused with the field and the
 * broken segment named, so the planner never sends it to ARM; an id ARM accepts is read with its
 * keywords normalised.
 */
class DesiredReaderTest {

    static final String SUB = "0b5e7c1a-3f2d-4e6b-9a8c-1d2e3f4a5b6c";
    static final String TAIL = "/providers/Microsoft.ServiceBus/namespaces/";
    static final String GOOD_PRIMARY =
            "/subscriptions/" + SUB + "/resourceGroups/rg" + TAIL + "orders-weu";

    static Stream<Arguments> partners() {
        String base = "/subscriptions/" + SUB + "/resourceGroups/";
        return Stream.of(
                Arguments.of(
                        "/subscriptions/abc/resourceGroups/rg" + TAIL + "orders-neu",
                        "spec.partnerNamespace: subscription \"abc\" is not a GUID"),
                Arguments.of(
                        base + ".." + TAIL + "orders-neu",
                        "spec.partnerNamespace: resource group \"..\" must not end with a period"),
                Arguments.of(
                        base + "rg?x=1" + TAIL + "orders-neu",
                        "spec.partnerNamespace: resource group \"rg?x=1\" may only contain"),
                Arguments.of(
                        base + "r".repeat(91) + TAIL + "orders-neu",
                        "spec.partnerNamespace: resource group \""
                                + "r".repeat(91)
                                + "\" is longer than 90 characters"),
                Arguments.of(
                        base + "rg" + TAIL + "ab",
                        "spec.partnerNamespace: namespace name \"ab\" must be 6-50"),
                Arguments.of(
                        "orders-neu",
                        "spec.partnerNamespace: must be a namespace ARM id of the form"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("partners")
    void aBrokenPartnerIdNamesTheFieldAndTheSegment(String partner, String expected) {
        DesiredReader.Result result = DesiredReader.read(pairing(GOOD_PRIMARY, partner));

        assertThat(result.desired()).isEmpty();
        assertThat(result.problems()).singleElement().asString().startsWith(expected);
    }

    @Test
    void aLowerCaseKeywordIdIsReadAndNormalised() {
        String partner =
                "/subscriptions/"
                        + SUB
                        + "/resourcegroups/rg/providers/microsoft.servicebus/namespaces/orders-neu";

        DesiredReader.Result result = DesiredReader.read(pairing(GOOD_PRIMARY, partner));

        assertThat(result.problems()).isEmpty();
        NamespaceRef ref = result.desired().orElseThrow().partner();
        assertThat(ref.id())
                .isEqualTo("/subscriptions/" + SUB + "/resourceGroups/rg" + TAIL + "orders-neu");
    }

    @Test
    void theSameNamespaceInAnotherKeywordCaseIsStillTheSame() {
        String partner = GOOD_PRIMARY.replace("resourceGroups", "RESOURCEGROUPS");

        DesiredReader.Result result = DesiredReader.read(pairing(GOOD_PRIMARY, partner));

        assertThat(result.problems())
                .containsExactly("spec.partnerNamespace: must differ from spec.primaryNamespace");
    }

    @Test
    void aWriterClusterThatIsNoDnsLabelIsNamedAndNothingIsRead() {
        ServiceBusGeoPairing resource = pairing(GOOD_PRIMARY, GOOD_PRIMARY.replace("weu", "neu"));
        resource.getSpec().setWriterCluster("West_1");

        DesiredReader.Result result = DesiredReader.read(resource);

        assertThat(result.desired()).isEmpty();
        assertThat(result.problems())
                .containsExactly("spec.writerCluster: " + DesiredReader.CLUSTER_RULE);
    }

    static ServiceBusGeoPairing pairing(String primary, String partner) {
        ServiceBusGeoPairingSpec spec = new ServiceBusGeoPairingSpec();
        spec.setAlias("orders");
        spec.setPrimaryNamespace(primary);
        spec.setPartnerNamespace(partner);
        ServiceBusGeoPairing cr = new ServiceBusGeoPairing();
        cr.setMetadata(new ObjectMetaBuilder().withName("orders").withNamespace("default").build());
        cr.setSpec(spec);
        return cr;
    }
}
