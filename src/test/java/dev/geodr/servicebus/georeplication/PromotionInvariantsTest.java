package dev.geodr.servicebus.georeplication;

import static dev.geodr.servicebus.georeplication.GeoFixtures.memory;
import static dev.geodr.servicebus.georeplication.GeoFixtures.observed;
import static org.assertj.core.api.Assertions.assertThat;

import dev.geodr.servicebus.arm.NamespaceRef;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every phase × observation × operation × mode of a promotion request (6 × 7 × 5 × 2 = 420 cases),
 * each checked against the rules that make a promotion happen exactly once. The named rows of
 * {@link GeoReplicationPlannerTest} say what each case does; these say what no case may do.
 */
class PromotionInvariantsTest {

    private static final NamespaceRef NS = GeoFixtures.NS;
    private static final Instant NOW = GeoFixtures.NOW;
    private final GeoReplicationPlanner planner =
            new GeoReplicationPlanner(GeoReplicationSettings.defaults());

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (String phase :
                List.of(
                        "handled0",
                        "waiting",
                        "intended",
                        "escalated",
                        "accepted",
                        "acceptedForced")) {
            for (String namespace :
                    List.of(
                            "eastus",
                            "westus",
                            "updating",
                            "single",
                            "unreachable",
                            "missing",
                            "plain")) {
                for (String op : List.of("none", "running", "done", "failed", "gone")) {
                    for (PromotionMode mode : PromotionMode.values()) {
                        out.add(Arguments.of(phase, namespace, op, mode));
                    }
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} | {1} | {2} | {3}")
    @MethodSource("cases")
    void neverTwiceNeverBlind(String phase, String namespace, String op, PromotionMode mode) {
        ReplicationMemory memory = memory(phase);
        PromotionInFlight before = memory.ledger().orElseThrow().inFlight().orElse(null);
        ReplicationPlan plan =
                planner.plan(
                        new ReplicationDesired(NS, "eastus", "westus", 300, 1, mode, false, false),
                        memory,
                        observed(namespace, op),
                        NOW);

        if (plan.action() instanceof ReplicationAction.Promote promote) {
            PromotionInFlight intent = plan.intent().orElseThrow().inFlight().orElseThrow();
            assertThat(intent.phase())
                    .as("the intent is Intended")
                    .isEqualTo(PromotionPhase.Intended);
            assertThat(intent.operationUrl().isEmpty() || before != null)
                    .as("a fresh request has no operation URL")
                    .isTrue();
            assertThat(promote.toLocation()).as("promotes the target").isEqualTo(intent.to());
            assertThat(promote.toLocation())
                    .as("never promotes the region ARM shows primary")
                    .isNotEqualTo(primaryShown(namespace));
            if (promote.mode() == PromotionMode.Forced) {
                assertThat(before == null || !before.forcedIntended())
                        .as("at most one forced POST per request")
                        .isTrue();
                assertThat(intent.forcedIntended()).isTrue();
            } else {
                assertThat(namespace)
                        .as("a Planned POST only to a settled namespace with the target replica")
                        .isIn("eastus", "westus");
                assertThat(before == null || before.operationUrl().isEmpty())
                        .as("a Planned POST is never sent again once ARM accepted one")
                        .isTrue();
            }
        } else {
            assertThat(plan.intent()).as("no intent without a POST").isEmpty();
        }
        assertThat(plan.action() instanceof ReplicationAction.SetReplicas && before != null)
                .as("replicas are not changed while a promotion is in flight")
                .isFalse();
        PromotionLedger after = plan.ledger();
        if (after.inFlight().isEmpty() && after.last().isPresent()) {
            assertThat(after.lastHandledRequest())
                    .as("a finished request is handled")
                    .isGreaterThanOrEqualTo(after.last().get().request());
        }
        if (before != null && before.forcedIntended() && after.inFlight().isPresent()) {
            assertThat(after.inFlight().get().forcedIntended())
                    .as("a forced intent is never forgotten while the request runs")
                    .isTrue();
        }
    }

    private static String primaryShown(String namespace) {
        return switch (namespace) {
            case "westus" -> "westus";
            case "eastus", "updating", "single" -> "eastus";
            default -> null;
        };
    }
}
