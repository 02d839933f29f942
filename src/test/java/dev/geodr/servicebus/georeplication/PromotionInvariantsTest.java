package dev.geodr.servicebus.georeplication;

import static org.assertj.core.api.Assertions.assertThat;

import dev.geodr.servicebus.arm.GeoReplication;
import dev.geodr.servicebus.arm.NamespaceRef;
import dev.geodr.servicebus.arm.Replica;
import dev.geodr.servicebus.arm.ReplicaRole;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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

    private static final NamespaceRef NS = new NamespaceRef("sub", "rg", "orders");
    private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");
    private static final Instant MINUTE_AGO = NOW.minus(Duration.ofMinutes(1));
    private static final String URL = "https://management.azure.com/op-1";
    private final GeoReplicationPlanner planner =
            new GeoReplicationPlanner(GeoReplicationSettings.defaults());

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (String phase :
                List.of("none", "waiting", "intended", "escalated", "accepted", "acceptedForced")) {
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

    private static ReplicationMemory memory(String phase) {
        PromotionLedger handled = PromotionLedger.adopted(0);
        PromotionInFlight taken =
                PromotionInFlight.taken(1, PromotionMode.Planned, "eastus", "westus", MINUTE_AGO);
        PromotionInFlight inFlight =
                switch (phase) {
                    case "none" -> null;
                    case "waiting" -> taken;
                    case "intended" -> taken.intending(PromotionMode.Planned, MINUTE_AGO);
                    case "escalated" ->
                            taken.intending(PromotionMode.Planned, MINUTE_AGO)
                                    .accepted(URL, MINUTE_AGO)
                                    .intending(PromotionMode.Forced, MINUTE_AGO);
                    case "accepted" ->
                            taken.intending(PromotionMode.Planned, MINUTE_AGO)
                                    .accepted(URL, MINUTE_AGO);
                    case "acceptedForced" ->
                            taken.intending(PromotionMode.Forced, MINUTE_AGO)
                                    .accepted(URL, MINUTE_AGO);
                    default -> throw new IllegalArgumentException(phase);
                };
        return ReplicationMemory.of(
                inFlight == null ? handled : handled.withInFlight(inFlight), "westus");
    }

    private static ReplicationObserved observed(String namespace, String op) {
        NamespaceView view =
                switch (namespace) {
                    case "eastus" -> present("Succeeded", roles("eastus", "westus"));
                    case "westus" -> present("Succeeded", roles("westus", "eastus"));
                    case "updating" -> present("Updating", roles("eastus", "westus"));
                    case "single" -> present("Succeeded", roles("eastus", null));
                    case "plain" -> present("Succeeded", null);
                    case "unreachable" -> new NamespaceView.Unreachable("region down");
                    case "missing" -> new NamespaceView.Missing();
                    default -> throw new IllegalArgumentException(namespace);
                };
        ReplicationObserved observed = ReplicationObserved.of(view);
        return switch (op) {
            case "none" -> observed;
            case "running" ->
                    observed.withOperation(new OperationView.InProgress(Optional.empty()));
            case "done" -> observed.withOperation(new OperationView.Succeeded());
            case "failed" -> observed.withOperation(new OperationView.Failed("Failed", "lost"));
            case "gone" -> observed.withOperation(new OperationView.Gone());
            default -> throw new IllegalArgumentException(op);
        };
    }

    private static NamespaceView present(String state, GeoReplication geo) {
        return new NamespaceView.Present(
                "East US", "Premium", state, Optional.ofNullable(geo), false, 1, List.of(), false);
    }

    private static GeoReplication roles(String primary, String secondary) {
        Replica p = new Replica(primary, ReplicaRole.Primary, Optional.empty());
        return new GeoReplication(
                300,
                secondary == null
                        ? List.of(p)
                        : List.of(
                                p,
                                new Replica(secondary, ReplicaRole.Secondary, Optional.empty())));
    }
}
