package dev.geodr.servicebus.arm.azure;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ArmMessagesTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            Delete operation is only allowed when primary namespace does not have secondary namespace. CorrelationId: d094e328-a798-4506-a624-eda628f9d419 | Delete operation is only allowed when primary namespace does not have secondary namespace.
            Alias 'a' does not exist or is not associated with namespace 'n'. CorrelationId:3BD4F2A1-8F0E-4B5E-A3C7-5D2E9F1B0C44 | Alias 'a' does not exist or is not associated with namespace 'n'.
            Internal error. TrackingId:5a6b7c8d-1e2f-4a3b-9c8d-7e6f5a4b3c2d_G12, SystemTracker:ns.servicebus.windows.net:$management, Timestamp:2026-01-01T10:00:00 | Internal error.
            AADSTS7000215: Invalid client secret provided. Trace ID: 0d1f2e3c-4b5a-6978-8a9b-0c1d2e3f4a5b Correlation ID: 1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d Timestamp: 2026-01-01 10:00:00Z | AADSTS7000215: Invalid client secret provided.
            Request failed (x-ms-request-id: 9d8c7b6a-5f4e-4d3c-2b1a-0f9e8d7c6b5a). | Request failed.
            Operation failed. RequestId: 9d8c7b6a-5f4e-4d3c-2b1a-0f9e8d7c6b5a, Activity ID: 8d8c7b6a-5f4e-4d3c-2b1a-0f9e8d7c6b5a | Operation failed.
            Something broke at 2026-03-04T05:06:07.123Z while pairing | Something broke while pairing
            """)
    void stripsPerRequestIdentifiersAndTimestamps(String in, String out) {
        assertThat(ArmMessages.stripVolatile(in)).isEqualTo(out);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            The Resource 'Microsoft.ServiceBus/namespaces/ns1' under resource group 'rg' was not found. For more details please go to https://aka.ms/ARMResourceNotFoundFix
            Partner '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.ServiceBus/namespaces/ns2' is not Premium.
            [simulator] Failover must be invoked on the secondary namespace.
            """)
    void keepsResourceIdsAndOrdinaryText(String in) {
        assertThat(ArmMessages.stripVolatile(in)).isEqualTo(in);
    }

    @Test
    void sameErrorWithDifferentCorrelationIdsGivesTheSameText() {
        String a =
                ArmMessages.stripVolatile(
                        "Disaster recovery operation in progress. CorrelationId: 11111111-2222-4333-8444-555555555555");
        String b =
                ArmMessages.stripVolatile(
                        "Disaster recovery operation in progress. CorrelationId: 99999999-2222-4333-8444-555555555555");
        assertThat(a).isEqualTo(b).isEqualTo("Disaster recovery operation in progress.");
        assertThat(ArmMessages.stripVolatile(null)).isEmpty();
    }
}
