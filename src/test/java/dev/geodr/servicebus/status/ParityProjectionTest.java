package dev.geodr.servicebus.status;

import static org.assertj.core.api.Assertions.assertThat;

import dev.geodr.servicebus.api.v1alpha1.ParityDifference;
import dev.geodr.servicebus.api.v1alpha1.ParityStatus;
import io.fabric8.kubernetes.api.model.Condition;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The SettingsInParity condition and FailoverReady's tail, one row per kind of report. */
class ParityProjectionTest {

    private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");
    private static final ParityDifference LOCAL_AUTH =
            new ParityDifference("disableLocalAuth", "false", "true", "SAS clients get 401");
    private static final ParityDifference ROLE_A =
            new ParityDifference("roleAssignment", "Data Sender for a", "none", "a loses it");
    private static final ParityDifference ROLE_B =
            new ParityDifference("roleAssignment", "Data Sender for b", "none", "b loses it");

    record Row(
            ParityStatus parity,
            String status,
            String reason,
            String messageContains,
            String failoverTail) {}

    static Stream<Arguments> rows() {
        return Stream.of(
                row(
                        "never compared",
                        null,
                        "Unknown",
                        ParityProjection.NOT_COMPARED,
                        "not compared yet",
                        ""),
                row(
                        "at parity",
                        parity(List.of(), List.of()),
                        "True",
                        ParityProjection.MATCH,
                        "matches the primary in every setting",
                        ""),
                row(
                        "one setting differs",
                        parity(List.of(LOCAL_AUTH), List.of()),
                        "False",
                        ParityProjection.DIFFER,
                        "differs from the primary in disableLocalAuth, which Geo-DR does not replicate",
                        "; the partner differs in disableLocalAuth (status.parity)"),
                row(
                        "two role gaps name the setting once",
                        parity(List.of(LOCAL_AUTH, ROLE_A, ROLE_B), List.of()),
                        "False",
                        ParityProjection.DIFFER,
                        "in disableLocalAuth, roleAssignment, which",
                        "; the partner differs in disableLocalAuth, roleAssignment (status.parity)"),
                row(
                        "only a problem: Unknown with the problem",
                        parity(List.of(), List.of("role assignments not compared: 403")),
                        "Unknown",
                        ParityProjection.NOT_COMPARED,
                        "role assignments not compared: 403",
                        ""),
                row(
                        "a difference and a problem: False, the problem appended",
                        parity(List.of(LOCAL_AUTH), List.of("role assignments not compared: 403")),
                        "False",
                        ParityProjection.DIFFER,
                        "(status.parity); role assignments not compared: 403",
                        "; the partner differs in disableLocalAuth (status.parity)"));
    }

    private static ParityStatus parity(List<ParityDifference> differences, List<String> problems) {
        return new ParityStatus("2026-12-04T09:45:00Z", differences, problems);
    }

    private static Arguments row(
            String name,
            ParityStatus parity,
            String status,
            String reason,
            String message,
            String tail) {
        return Arguments.of(Named.of(name, new Row(parity, status, reason, message, tail)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void projects(Row row) {
        Condition c = ParityProjection.condition(null, 3, row.parity(), NOW);
        assertThat(c.getType()).isEqualTo("SettingsInParity");
        assertThat(c.getStatus()).isEqualTo(row.status());
        assertThat(c.getReason()).isEqualTo(row.reason());
        assertThat(c.getMessage()).contains(row.messageContains());
        assertThat(c.getObservedGeneration()).isEqualTo(3);
        assertThat(ParityProjection.failoverTail(row.parity())).isEqualTo(row.failoverTail());
    }
}
