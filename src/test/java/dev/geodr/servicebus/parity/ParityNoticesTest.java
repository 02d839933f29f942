package dev.geodr.servicebus.parity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.geodr.servicebus.core.Notice;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ParityNoticesTest {

    private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");
    private static final ParityGap LOCAL_AUTH =
            new ParityGap("disableLocalAuth", "false", "true", "SAS clients get 401");
    private static final ParityGap TLS =
            new ParityGap("minimumTlsVersion", "1.0", "1.2", "old TLS");
    private static final String FORBIDDEN = "role assignments not compared: 403";

    record Row(
            List<ParityGap> before,
            List<String> problemsBefore,
            ParityReport now,
            List<String> reasons,
            List<Boolean> warnings) {}

    static Stream<Arguments> rows() {
        return Stream.of(
                row(
                        "first difference: one Warning",
                        List.of(),
                        List.of(),
                        report(List.of(LOCAL_AUTH), List.of()),
                        List.of(ParityNotices.GAP_FOUND),
                        List.of(true)),
                row(
                        "the same difference again: nothing",
                        List.of(LOCAL_AUTH),
                        List.of(),
                        report(List.of(LOCAL_AUTH), List.of()),
                        List.of(),
                        List.of()),
                row(
                        "fixed: one Normal",
                        List.of(LOCAL_AUTH),
                        List.of(),
                        report(List.of(), List.of()),
                        List.of(ParityNotices.GAP_RESOLVED),
                        List.of(false)),
                row(
                        "one fixed, one new",
                        List.of(LOCAL_AUTH),
                        List.of(),
                        report(List.of(TLS), List.of()),
                        List.of(ParityNotices.GAP_FOUND, ParityNotices.GAP_RESOLVED),
                        List.of(true, false)),
                row(
                        "role assignments unreadable: one Warning, not again",
                        List.of(),
                        List.of(),
                        report(List.of(), List.of(FORBIDDEN)),
                        List.of(ParityNotices.NOT_COMPARED),
                        List.of(true)),
                row(
                        "still unreadable: nothing",
                        List.of(),
                        List.of(FORBIDDEN),
                        report(List.of(), List.of(FORBIDDEN)),
                        List.of(),
                        List.of()));
    }

    private static Arguments row(
            String name,
            List<ParityGap> before,
            List<String> problemsBefore,
            ParityReport now,
            List<String> reasons,
            List<Boolean> warnings) {
        return Arguments.of(
                Named.of(name, new Row(before, problemsBefore, now, reasons, warnings)));
    }

    private static ParityReport report(List<ParityGap> gaps, List<String> problems) {
        return new ParityReport(NOW, gaps, problems);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void notices(Row row) {
        List<Notice> notices = ParityNotices.between(row.before(), row.problemsBefore(), row.now());
        assertThat(notices).extracting(Notice::reason).containsExactlyElementsOf(row.reasons());
        assertThat(notices).extracting(Notice::warning).containsExactlyElementsOf(row.warnings());
    }
}
