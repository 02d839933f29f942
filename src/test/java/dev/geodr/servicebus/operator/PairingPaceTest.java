package dev.geodr.servicebus.operator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.geodr.servicebus.arm.AliasRecord;
import dev.geodr.servicebus.arm.AliasRole;
import dev.geodr.servicebus.arm.FailoverMode;
import dev.geodr.servicebus.arm.NamespaceRef;
import dev.geodr.servicebus.arm.ProvisioningState;
import dev.geodr.servicebus.core.Requeue;
import dev.geodr.servicebus.core.Verdict;
import dev.geodr.servicebus.pairing.Action;
import dev.geodr.servicebus.pairing.Desired;
import dev.geodr.servicebus.pairing.FailoverMemory;
import dev.geodr.servicebus.pairing.Observed;
import dev.geodr.servicebus.pairing.Plan;
import dev.geodr.servicebus.pairing.SideView;
import dev.geodr.servicebus.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** When the next poll of a pairing in progress comes, after what earlier pairings showed. */
class PairingPaceTest {

    private static final Duration FAST = Duration.ofSeconds(10);
    private static final String SUB = "sub-a";
    private static final NamespaceRef WEU = new NamespaceRef(SUB, "rg", "orders-weu");
    private static final NamespaceRef NEU = new NamespaceRef(SUB, "rg", "orders-neu");
    private static final Desired DESIRED =
            new Desired("orders", WEU, NEU, Optional.empty(), 0, FailoverMode.Safe, false, true);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-04T00:00:00Z"));
    private final PairingPace pace = new PairingPace(clock, FAST);

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                // row | earlier pairings, each "last Accepted age/age seen done" in s (0/..: done
                // at the first poll) | sub of the new one | minutes since | new one's age (s) |
                // planned (s) | wait (s)
                "nothing learned yet: the fixed cadence      | -                       | sub-a | 0  | 70 | 10 | 10",
                "two pairings are not enough to learn from   | 80/90 85/95             | sub-a | 0  | 70 | 10 | 10",
                "three: wait until the quickest was seen done | 90/100 80/90 85/95     | sub-a | 0  | 70 | 10 | 20",
                "right after the PUT the learned wait is longer | 90/100 80/90 85/95   | sub-a | 0  | 0  | 70 | 90",
                "the planned wait when it is already longer  | 80/90 80/90 80/90       | sub-a | 0  | 85 | 10 | 10",
                "done at the first poll teaches nothing      | 80/90 85/95 0/70        | sub-a | 0  | 70 | 10 | 10",
                "polls far apart teach nothing               | 80/90 85/95 70/90       | sub-a | 0  | 70 | 10 | 10",
                "a slow subscription is capped at five minutes | 310/320 320/330 330/340 | sub-a | 0 | 70 | 10 | 230",
                "another subscription learns on its own      | 80/90 80/90 80/90       | sub-b | 0  | 70 | 10 | 10",
                "samples are forgotten after fifteen minutes | 80/90 80/90 80/90       | sub-a | 16 | 70 | 10 | 10",
            })
    void nextPoll(
            String row,
            String earlier,
            String subscription,
            long minutesSince,
            long age,
            long planned,
            long wait) {
        if (!earlier.equals("-")) {
            int i = 0;
            for (String sample : earlier.split(" +")) {
                String[] ages = sample.split("/");
                learnFrom("earlier-" + i++, Long.parseLong(ages[0]), Long.parseLong(ages[1]));
            }
        }
        clock.advance(Duration.ofMinutes(minutesSince));
        pace.requested("new", subscription);
        clock.advance(Duration.ofSeconds(age));

        assertThat(pace.nextPoll("new", Duration.ofSeconds(planned)))
                .isEqualTo(Duration.ofSeconds(wait));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "a pairing this operator did not PUT keeps the planner's wait | unknown",
                "a forgotten pairing keeps the planner's wait                 | forgotten",
                "a finished pairing keeps the planner's wait                  | finished",
            })
    void onlyAPairingInProgressIsHeldBack(String row, String state) {
        learnFrom("a", 80, 90);
        learnFrom("b", 80, 90);
        learnFrom("c", 80, 90);
        if (!state.equals("unknown")) {
            pace.requested("new", SUB);
            clock.advance(Duration.ofSeconds(70));
            pace.stillPairing("new");
            if (state.equals("forgotten")) {
                pace.forget("new");
            } else {
                pace.finished("new");
            }
        }

        assertThat(pace.nextPoll("new", FAST)).isEqualTo(FAST);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                // row | the primary's record | this pass's action | failover pending | age (s) |
                // planned (s) | wait (s)
                "the PUT itself waits for the learned pace           | none     | put      | false | 0  | 70 | 90",
                "ARM still pairing and nothing to do: held           | Accepted | none     | false | 70 | 10 | 20",
                "ARM still pairing but a failover is pending: not held | Accepted | none   | true  | 70 | 10 | 10",
                "ARM still pairing and this pass wrote: not held     | Accepted | failover | false | 70 | 10 | 10",
                "the primary Succeeded: the planner's wait           | Succeeded | none    | false | 70 | 10 | 10",
                "nothing read this pass: the planner's wait          | unread   | none     | false | 70 | 10 | 10",
            })
    void afterAPass(
            String row,
            String primary,
            String action,
            boolean failoverPending,
            long age,
            long planned,
            long wait) {
        learnFrom("a", 80, 90);
        learnFrom("b", 80, 90);
        learnFrom("c", 80, 90);
        pace.requested("new", SUB);
        clock.advance(Duration.ofSeconds(age));
        Action act =
                switch (action) {
                    case "put" -> new Action.CreatePairing(WEU, NEU, "orders", Optional.empty());
                    case "failover" -> new Action.Failover(NEU, "orders", FailoverMode.Forced);
                    default -> Action.none();
                };
        Plan plan =
                new Plan(
                        act,
                        Optional.empty(),
                        FailoverMemory.adopted(0),
                        Verdict.progressing("Pairing", "waiting"),
                        new Requeue(Duration.ofSeconds(planned), false),
                        Optional.empty(),
                        List.of());
        Optional<Observed> observed =
                primary.equals("unread")
                        ? Optional.empty()
                        : Optional.of(Observed.of(side(primary), new SideView.Absent()));

        Requeue next = pace.afterPass("new", DESIRED, observed, plan, failoverPending);

        assertThat(next.after()).isEqualTo(Duration.ofSeconds(wait));
    }

    private static SideView side(String state) {
        if (state.equals("none")) {
            return new SideView.Absent();
        }
        return new SideView.Present(
                new AliasRecord(
                        WEU,
                        "orders",
                        AliasRole.Primary,
                        ProvisioningState.valueOf(state),
                        Optional.of(NEU),
                        Optional.empty(),
                        Optional.empty()));
    }

    /** A pairing PUT now, last seen Accepted at one age (0: never), seen done at the other. */
    private void learnFrom(String key, long stillPairingAt, long seenDoneAt) {
        pace.requested(key, SUB);
        if (stillPairingAt > 0) {
            clock.advance(Duration.ofSeconds(stillPairingAt));
            pace.stillPairing(key);
        }
        clock.advance(Duration.ofSeconds(seenDoneAt - stillPairingAt));
        pace.finished(key);
    }
}
