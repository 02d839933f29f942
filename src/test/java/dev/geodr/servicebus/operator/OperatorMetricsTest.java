package dev.geodr.servicebus.operator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.geodr.servicebus.arm.FailoverMode;
import dev.geodr.servicebus.pairing.FailoverOutcome;
import dev.geodr.servicebus.pairing.FailoverResult;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class OperatorMetricsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final OperatorMetrics metrics = new OperatorMetrics(registry);

    private Map<String, Double> failovers() {
        return registry.find("geodr.failovers").counters().stream()
                .collect(
                        Collectors.toMap(
                                c -> c.getId().getTag("outcome") + "/" + c.getId().getTag("mode"),
                                Counter::count));
    }

    @Test
    void everyFailoverOutcomeIsExportedAtZeroBeforeTheFirstFailover() {
        // The PrometheusRule's increase(geodr_failovers_total{outcome=~"Failed|Rejected"}[10m])
        // only fires on a series that existed before it went up.
        assertThat(failovers())
                .containsOnlyKeys(
                        "Succeeded/Safe",
                        "Succeeded/Forced",
                        "Failed/Safe",
                        "Failed/Forced",
                        "Rejected/Safe",
                        "Rejected/Forced")
                .allSatisfy((series, count) -> assertThat(count).as(series).isZero());
    }

    @Test
    void theLeaderGaugeSaysWhetherThisReplicaReconciles() {
        assertThat(registry.get("geodr.operator.leader").gauge().value()).isZero();
        metrics.leading(true);
        assertThat(registry.get("geodr.operator.leader").gauge().value()).isEqualTo(1);
        metrics.leading(false);
        assertThat(registry.get("geodr.operator.leader").gauge().value()).isZero();
    }

    @Test
    void aFinishedFailoverCountsOnItsOwnSeriesOnly() {
        Instant start = Instant.parse("2030-01-01T00:00:00Z");
        metrics.failoverFinished(
                new FailoverResult(
                        1,
                        FailoverOutcome.Failed,
                        FailoverMode.Forced,
                        null,
                        null,
                        start,
                        start.plusSeconds(5),
                        "m"));
        assertThat(failovers())
                .containsEntry("Failed/Forced", 1.0)
                .containsEntry("Failed/Safe", 0.0)
                .containsEntry("Succeeded/Forced", 0.0);
        assertThat(registry.find("geodr.failover.duration").timer().count()).isEqualTo(1);
    }
}
