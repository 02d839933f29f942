package dev.geodr.servicebus.operator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.geodr.servicebus.core.Requeue;
import dev.geodr.servicebus.pairing.Backoff;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class RequeueDelayTest {

    @Test
    void neverHandsJosdkANegativeOrZeroDelay() {
        // A negative delay makes JOSDK's timer throw inside event processing, which stalls the
        // controller.
        assertThat(RequeueDelay.of(new Requeue(Duration.ofMillis(-5), false)))
                .isEqualTo(RequeueDelay.MIN_DELAY);
        assertThat(RequeueDelay.of(new Requeue(Duration.ZERO, true)))
                .isEqualTo(RequeueDelay.MIN_DELAY);
        assertThat(RequeueDelay.of(new Requeue(Duration.ofSeconds(7), false)))
                .isEqualTo(Duration.ofSeconds(7));
    }

    @Test
    void throttledPassesWaitLongEnoughForAWholeObservation() {
        Duration fast = Duration.ofMillis(300);
        assertThat(Backoff.throttled(Optional.of(Duration.ofMillis(40)), fast, 0))
                .as("a one-token answer is not enough for a pass")
                .isEqualTo(Duration.ofSeconds(1));
        assertThat(Backoff.throttled(Optional.of(Duration.ofSeconds(30)), fast, 0.9))
                .as("ARM's Retry-After is obeyed")
                .isEqualTo(Duration.ofSeconds(30));
        assertThat(Backoff.throttled(Optional.empty(), Duration.ofSeconds(10), 0))
                .as("a quarter of the production fast poll")
                .isEqualTo(Duration.ofMillis(2500));
        assertThat(Backoff.throttled(Optional.empty(), fast, 0.5))
                .as("spread over 1-4 s so throttled pairings do not return together")
                .isEqualTo(Duration.ofMillis(2500));
    }

    @RepeatedTest(20)
    void steadyPollsAreJitteredByTenPercent() {
        Duration d = RequeueDelay.of(new Requeue(Duration.ofMinutes(5), true));
        assertThat(d).isBetween(Duration.ofSeconds(270), Duration.ofSeconds(330));
    }
}
