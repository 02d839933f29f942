package dev.geodr.servicebus.pairing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The duration text in status messages ("fails after 10m") is stable and human. */
class NamesTest {

    @ParameterizedTest(name = "{0} s → {1}")
    @CsvSource({
        "0,    0s",
        "1,    1s",
        "59,   59s",
        "60,   1m",
        "90,   1m30s",
        "600,  10m",
        "3599, 59m59s",
        "3600, 1h",
        "3601, 1h1s",
        "5400, 1h30m",
        "7384, 2h3m4s",
    })
    void duration(long seconds, String text) {
        assertThat(Names.duration(Duration.ofSeconds(seconds))).isEqualTo(text);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({"PT10M, 10m", "PT15M, 15m", "PT1H, 1h"})
    void configuredTimeoutsReadAsWritten(Duration d, String text) {
        assertThat(Names.duration(d)).isEqualTo(text);
    }
}
