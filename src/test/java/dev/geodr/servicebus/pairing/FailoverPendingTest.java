package dev.geodr.servicebus.pairing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.geodr.servicebus.arm.FailoverMode;
import dev.geodr.servicebus.arm.NamespaceRef;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which passes rank as failover work for the ARM budget, and which may skip a namespace down. */
class FailoverPendingTest {

    private static final NamespaceRef WEU = new NamespaceRef("s", "rg", "orders-weu");
    private static final NamespaceRef NEU = new NamespaceRef("s", "rg", "orders-neu");
    private static final Instant T0 = Instant.parse("2026-12-04T00:00:00Z");

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        // row,                                         requested, mode,   deleting, memory,
        // inFlightMode, pending, forced
        "first sight of a bumped resource: adopted,            3, Forced, false,    none,     ,             false,   false",
        "nothing requested since the last handled one,         2, Forced, false,    handled2, ,             false,   false",
        "a Safe bump not yet handled,                          3, Safe,   false,    handled2, ,             true,    false",
        "a Forced bump not yet handled,                        3, Forced, false,    handled2, ,             true,    true",
        "a Safe request in flight,                             3, Safe,   false,    inFlight, Safe,         true,    false",
        "a Forced request in flight while the spec says Safe,  3, Safe,   false,    inFlight, Forced,       true,    true",
        "a resource being deleted fails nothing over,          3, Forced, true,     handled2, ,             false,   false",
    })
    void failoverPending(
            String row,
            long requested,
            FailoverMode mode,
            boolean deleting,
            String memory,
            FailoverMode inFlightMode,
            boolean pending,
            boolean forced) {
        Desired desired =
                new Desired("orders", WEU, NEU, Optional.empty(), requested, mode, deleting, true);
        Memory m =
                switch (memory) {
                    case "none" -> Memory.firstSight();
                    case "handled2" -> Memory.of(FailoverMemory.adopted(2), WEU);
                    default ->
                            Memory.of(
                                    FailoverMemory.adopted(2)
                                            .withInFlight(
                                                    new FailoverInFlight(
                                                            3,
                                                            inFlightMode,
                                                            WEU,
                                                            NEU,
                                                            FailoverPhase.Intended,
                                                            T0,
                                                            T0)),
                                    WEU);
                };
        assertThat(PairingPlanner.failoverPending(desired, m)).as("pending").isEqualTo(pending);
        assertThat(PairingPlanner.forcedFailoverPending(desired, m)).as("forced").isEqualTo(forced);
    }
}
