package dev.geodr.servicebus.arm.azure;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.geodr.servicebus.arm.MessagingProvider;
import dev.geodr.servicebus.arm.NamespaceRef;
import org.junit.jupiter.api.Test;

/** The Service Bus adapters refuse a namespace of another provider before they send anything. */
class ServiceBusOnlyAdapterTest {

    @Test
    void anEventHubsNamespaceIsAWiringMistakeRefusedBeforeAnyCall() {
        NamespaceRef hub =
                new NamespaceRef(
                        "00000000-0000-0000-0000-000000000000",
                        "rg",
                        "orders-weu",
                        MessagingProvider.EVENT_HUBS);

        assertThatThrownBy(() -> AzureSdkArmPort.requireServiceBus(hub))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Microsoft.EventHub namespace");
        assertThatCode(
                        () ->
                                AzureSdkArmPort.requireServiceBus(
                                        new NamespaceRef(
                                                "00000000-0000-0000-0000-000000000000",
                                                "rg",
                                                "orders-weu")))
                .doesNotThrowAnyException();
    }
}
