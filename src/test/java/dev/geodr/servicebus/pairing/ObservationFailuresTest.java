package dev.geodr.servicebus.pairing;

import static dev.geodr.servicebus.pairing.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.geodr.servicebus.arm.ArmErrorKind;
import dev.geodr.servicebus.arm.FailoverMode;
import dev.geodr.servicebus.core.Health;
import dev.geodr.servicebus.core.Requeue;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What a pass does when reading ARM failed: nothing is sent, the memory is kept, and the error
 * class decides the reason and the wait.
 */
class ObservationFailuresTest {

    private final PairingPlanner planner = new PairingPlanner(SETTINGS);

    @ParameterizedTest(
            name = "{0}, Retry-After {1} s, spread {2} → {3}/{4}, wait {5} ms, jitter {6}")
    @CsvSource({
        // kind,    retryAfterS, spread, health,      reason,     waitMs, jitter
        "TRANSIENT, ,            0.5,    PROGRESSING, AzureError, 10000,  false",
        "NOT_FOUND, ,            0.5,    PROGRESSING, AzureError, 10000,  false",
        "FATAL,     ,            0.5,    STALLED,     AzureError, 300000, true",
        "CONFLICT,  ,            0.5,    STALLED,     AzureError, 300000, true",
        // Throttled: the larger of Retry-After and fast poll / 4 × (1 + 3 × spread).
        "THROTTLED, ,            0,      PROGRESSING, Throttled,  2500,   false",
        "THROTTLED, ,            0.5,    PROGRESSING, Throttled,  6250,   false",
        "THROTTLED, ,            1,      PROGRESSING, Throttled,  10000,  false",
        "THROTTLED, 5,           0,      PROGRESSING, Throttled,  5000,   false",
        "THROTTLED, 60,          0.5,    PROGRESSING, Throttled,  60000,  false",
    })
    void theErrorClassDecidesReasonAndWait(
            ArmErrorKind kind,
            Long retryAfterSeconds,
            double spread,
            Health health,
            String reason,
            long waitMs,
            boolean jitter) {
        Plan plan =
                planner.afterObservationFailure(
                        desired(WEU, NEU),
                        steady(0),
                        kind,
                        "boom",
                        Optional.ofNullable(retryAfterSeconds).map(Duration::ofSeconds),
                        spread);

        assertThat(plan.action()).isEqualTo(Action.none());
        assertThat(plan.intent()).isEmpty();
        assertThat(plan.verdict().health()).isEqualTo(health);
        assertThat(plan.verdict().reason()).isEqualTo(reason);
        assertThat(plan.requeue()).isEqualTo(new Requeue(Duration.ofMillis(waitMs), jitter));
        assertThat(plan.notices()).isEmpty();
    }

    @ParameterizedTest(name = "{0} → message names the failure")
    @CsvSource({"TRANSIENT", "NOT_FOUND", "FATAL", "CONFLICT"})
    void theMessageCarriesArmsAnswer(ArmErrorKind kind) {
        Plan plan =
                planner.afterObservationFailure(
                        desired(WEU, NEU),
                        steady(0),
                        kind,
                        "AuthorizationFailed",
                        Optional.empty(),
                        0);

        assertThat(plan.verdict().message())
                .isEqualTo("reading the alias failed: AuthorizationFailed");
    }

    @Test
    void throttlingSaysItWaitsWithoutEchoingTheLimiter() {
        Plan plan =
                planner.afterObservationFailure(
                        desired(WEU, NEU),
                        steady(0),
                        ArmErrorKind.THROTTLED,
                        "429 after 12 requests",
                        Optional.empty(),
                        0);

        // A message without the changing detail: an unchanged situation writes no new status.
        assertThat(plan.verdict().message())
                .isEqualTo("ARM is throttling reads; waiting before observing again");
    }

    @Test
    void firstSightAdoptsTheRequestEvenWhenArmCannotBeRead() {
        Plan plan =
                planner.afterObservationFailure(
                        withRequest(desired(WEU, NEU), 7, FailoverMode.Safe),
                        Memory.firstSight(),
                        ArmErrorKind.TRANSIENT,
                        "boom",
                        Optional.empty(),
                        0);

        assertThat(plan.memory()).isEqualTo(FailoverMemory.adopted(7));
        assertThat(plan.active()).isEmpty();
    }

    @Test
    void aFailoverInFlightAndTheLastActiveNamespaceAreKeptAsTheyWere() {
        Memory memory =
                inFlight(2, 3, FailoverMode.Safe, FailoverPhase.Issued, Duration.ofSeconds(30));
        Plan plan =
                planner.afterObservationFailure(
                        withRequest(desired(WEU, NEU), 3, FailoverMode.Safe),
                        memory,
                        ArmErrorKind.TRANSIENT,
                        "boom",
                        Optional.empty(),
                        0);

        assertThat(plan.memory()).isEqualTo(memory.failover().orElseThrow());
        assertThat(plan.active()).isEqualTo(memory.previousActive());
    }
}
