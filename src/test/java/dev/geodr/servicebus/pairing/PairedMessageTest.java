package dev.geodr.servicebus.pairing;

import static dev.geodr.servicebus.pairing.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.geodr.servicebus.core.Requeue;
import dev.geodr.servicebus.core.Verdict;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The Ready message and poll of a paired alias, exactly: an unchanged situation must write the same
 * text, and only a steady pairing (nothing pending, partner answering) polls slowly.
 */
class PairedMessageTest {

    private final PairingPlanner planner = new PairingPlanner(SETTINGS);

    @ParameterizedTest(name = "pending {0}, partner reachable {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "0 | true  | alias orders is Primary on orders-weu with Secondary orders-neu | 300 | true",
                "1 | true  | alias orders is Primary on orders-weu with Secondary orders-neu; 1 replication operation(s) pending | 30 | false",
                "12 | true | alias orders is Primary on orders-weu with Secondary orders-neu; 12 replication operation(s) pending | 30 | false",
                "0 | false | alias orders is Primary on orders-weu with Secondary orders-neu; the partner namespace is unreachable | 30 | false",
                "5 | false | alias orders is Primary on orders-weu with Secondary orders-neu; the partner namespace is unreachable | 30 | false",
            })
    void paired(
            long pending,
            boolean partnerReachable,
            String message,
            long requeueSeconds,
            boolean jitter) {
        Plan plan =
                planner.plan(
                        desired(WEU, NEU),
                        steady(0),
                        Observed.of(
                                primaryPaired(WEU, NEU, pending),
                                partnerReachable ? secondaryPaired(NEU, WEU) : unreachable()),
                        NOW);
        assertThat(plan.action()).isEqualTo(new Action.None());
        assertThat(plan.verdict()).isEqualTo(Verdict.ready(Reasons.PAIRED, message));
        assertThat(plan.requeue())
                .isEqualTo(new Requeue(Duration.ofSeconds(requeueSeconds), jitter));
        assertThat(plan.notices()).isEmpty();
    }
}
