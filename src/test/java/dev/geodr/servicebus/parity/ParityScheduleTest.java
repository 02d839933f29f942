package dev.geodr.servicebus.parity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ParityScheduleTest {

    private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");
    private static final Duration INTERVAL = Duration.ofMinutes(30);

    @ParameterizedTest(
            name = "last checked {0} min ago, failover pending {1}, both answer {2}: due {3}")
    @CsvSource({
        // never checked: as soon as both answer
        "-1, false, true, true",
        "-1, false, false, false",
        "-1, true, true, false",
        // within the interval: not again
        "0, false, true, false",
        "29, false, true, false",
        // the interval elapsed
        "30, false, true, true",
        "90, false, true, true",
        // a failover's pass never waits for parity reads; a region down is no time to compare
        "90, true, true, false",
        "90, false, false, false",
    })
    void due(long minutesAgo, boolean failoverPending, boolean bothAnswer, boolean due) {
        Optional<Instant> last =
                minutesAgo < 0
                        ? Optional.empty()
                        : Optional.of(NOW.minus(Duration.ofMinutes(minutesAgo)));
        assertThat(ParitySchedule.due(last, NOW, INTERVAL, failoverPending, bothAnswer))
                .isEqualTo(due);
    }
}
