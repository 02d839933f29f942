package dev.geodr.servicebus.pairing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * How long a throttled pass waits: the larger of Retry-After and a floor of one to four times
 * max(fast poll / 4, 1 s), spread by {@code spread}.
 */
class BackoffTest {

    @ParameterizedTest(name = "fast {0} ms, spread {1}, Retry-After {2} ms → {3} ms")
    @CsvSource({
        // a quarter of the fast poll above the 1 s minimum is the base, spread over 1-4x
        "10000, 0,    ,      2500",
        "10000, 1,    ,      10000",
        "10000, 0.5,  ,      6250",
        // spread outside [0, 1] is clamped
        "10000, 7,    ,      10000",
        "10000, -2,   ,      2500",
        // a quarter below the minimum, or equal to it: the minimum is the base
        "300,   0,    ,      1000",
        "4000,  0,    ,      1000",
        "300,   0.5,  ,      2500",
        // Retry-After wins only when it is longer than the floor
        "10000, 0,    30000, 30000",
        "10000, 0,    2000,  2500",
        "10000, 0,    2500,  2500",
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
