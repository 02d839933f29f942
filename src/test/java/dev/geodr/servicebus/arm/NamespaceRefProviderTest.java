package dev.geodr.servicebus.arm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * An ARM id names its provider: Service Bus and Event Hubs namespaces share the id's shape and
 * differ in the provider segment, which ARM compares ignoring case. A Service Bus kind's spec still
 * takes Service Bus ids only ({@link NamespaceRef#problem}).
 */
class NamespaceRefProviderTest {

    private static final String SUB = "00000000-0000-0000-0000-000000000000";

    private static String id(String provider, String name) {
        return "/subscriptions/"
                + SUB
                + "/resourceGroups/rg/providers/"
                + provider
                + "/namespaces/"
                + name;
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
        "Microsoft.ServiceBus, SERVICE_BUS, Microsoft.ServiceBus",
        "microsoft.servicebus, SERVICE_BUS, Microsoft.ServiceBus",
        "Microsoft.EventHub, EVENT_HUBS, Microsoft.EventHub",
        "MICROSOFT.EVENTHUB, EVENT_HUBS, Microsoft.EventHub",
    })
    void theProviderSegmentIsReadIgnoringCaseAndWrittenAsArmSpellsIt(
            String written, MessagingProvider provider, String spelled) {
        NamespaceRef ref = NamespaceRef.parse(id(written, "orders-weu"));

        assertThat(ref.provider()).isEqualTo(provider);
        assertThat(ref.id()).isEqualTo(id(spelled, "orders-weu"));
        assertThat(NamespaceRef.isValidId(id(written, "orders-weu"))).isTrue();
    }

    @Test
    void theSameNameUnderTwoProvidersIsTwoNamespaces() {
        NamespaceRef bus = NamespaceRef.parse(id("Microsoft.ServiceBus", "orders-weu"));
        NamespaceRef hub = NamespaceRef.parse(id("Microsoft.EventHub", "orders-weu"));

        assertThat(bus.sameAs(hub)).isFalse();
        assertThat(bus).isNotEqualTo(hub);
        assertThat(bus).isEqualTo(new NamespaceRef(SUB, "rg", "orders-weu"));
    }

    @Test
    void aServiceBusSpecRefusesAnEventHubsIdAndOtherProvidersAreNotNamespaces() {
        assertThat(NamespaceRef.problem(id("Microsoft.EventHub", "orders-weu")))
                .get()
                .asString()
                .contains("Microsoft.ServiceBus");
        assertThat(NamespaceRef.isValidId(id("Microsoft.Relay", "orders-weu"))).isFalse();
        assertThatThrownBy(() -> NamespaceRef.parse(id("Microsoft.Relay", "orders-weu")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("{Microsoft.ServiceBus|Microsoft.EventHub}");
    }

    @ParameterizedTest(name = "{0}: safe failover {1}, name check {2}")
    @CsvSource({
        "SERVICE_BUS, true, CheckNameAvailability, false, true",
        "EVENT_HUBS, false, checkNameAvailability, true, true",
    })
    void eachProviderIsOneRowOfDifferences(
            MessagingProvider provider,
            boolean safeFailover,
            String nameCheck,
            boolean standardGeoDr,
            boolean premiumGeoReplication) {
        assertThat(provider.safeFailover()).isEqualTo(safeFailover);
        assertThat(provider.nameCheckOperation()).isEqualTo(nameCheck);
        assertThat(provider.geoDrSkus().contains("Standard")).isEqualTo(standardGeoDr);
        assertThat(provider.geoReplicationSkus().contains("Premium"))
                .isEqualTo(premiumGeoReplication);
        assertThat(MessagingProvider.ofSegment(provider.segment().toUpperCase()))
                .contains(provider);
    }
}
