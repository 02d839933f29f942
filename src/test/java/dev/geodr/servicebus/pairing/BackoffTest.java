package dev.geodr.servicebus.pairing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * How long a throttled pass waits: the larger of Retry-After and a floor of one to four times
 * max(fast poll, 1 s), spread by {@code spread}.
 */
class BackoffTest {

    @ParameterizedTest(name = "fast {0} ms, spread {1}, Retry-After {2} ms → {3} ms")
    @CsvSource({
        // fast poll above the 1 s minimum: the floor is the fast poll, spread over 1-4x
        "10000, 0,    ,      10000",
        "10000, 1,    ,      40000",
        "10000, 0.5,  ,      25000",
        // spread outside [0, 1] is clamped
        "10000, 7,    ,      40000",
        "10000, -2,   ,      10000",
        // fast poll below the minimum, or equal to it: the minimum is the base
        "300,   0,    ,      1000",
        "1000,  0,    ,      1000",
        "300,   0.5,  ,      2500",
        // Retry-After wins only when it is longer than the floor
        "10000, 0,    30000, 30000",
        "10000, 0,    4000,  10000",
        "10000, 0,    10000, 10000",
    })
    void throttled(long fastMillis, double spread, Long retryAfterMillis, long expectedMillis) {
        Duration wait =
                Backoff.throttled(
                        Optional.ofNullable(retryAfterMillis).map(Duration::ofMillis),
                        Duration.ofMillis(fastMillis),
                        spread);
        assertThat(wait).isEqualTo(Duration.ofMillis(expectedMillis));
    }
}
