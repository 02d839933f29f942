package dev.geodr.servicebus.status;

import static dev.geodr.servicebus.pairing.Fixtures.rec;
import static org.assertj.core.api.Assertions.assertThat;

import dev.geodr.servicebus.api.v1alpha1.ServiceBusGeoPairingStatus;
import dev.geodr.servicebus.arm.AliasRole;
import dev.geodr.servicebus.arm.FailoverMode;
import dev.geodr.servicebus.arm.NamespaceRef;
import dev.geodr.servicebus.arm.ProvisioningState;
import dev.geodr.servicebus.core.Verdict;
import dev.geodr.servicebus.pairing.Desired;
import dev.geodr.servicebus.pairing.FailoverInFlight;
import dev.geodr.servicebus.pairing.FailoverMemory;
import dev.geodr.servicebus.pairing.FailoverPhase;
import dev.geodr.servicebus.pairing.Observed;
import dev.geodr.servicebus.pairing.SideView;
import io.fabric8.kubernetes.api.model.Condition;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The FailoverReady condition, one row per situation: would a Safe failover issued now be accepted,
 * and if not, which reason and message tell the user why.
 */
class FailoverReadyConditionTest {

    private static final NamespaceRef WEU = new NamespaceRef("s", "rg", "orders-weu");
    private static final NamespaceRef NEU = new NamespaceRef("s", "rg", "orders-neu");
    private static final NamespaceRef FRC = new NamespaceRef("s", "rg", "orders-frc");
    private static final Desired DESIRED =
            new Desired("orders", WEU, NEU, Optional.empty(), 0, FailoverMode.Safe, false, false);
    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");

    record Row(
            Optional<Observed> observed,
            FailoverMemory memory,
            Verdict verdict,
            String status,
            String reason,
            String message) {}

    private static final SideView PRIMARY =
            rec(WEU, AliasRole.Primary, ProvisioningState.Succeeded, NEU, 0L);
    private static final SideView SECONDARY =
            rec(NEU, AliasRole.Secondary, ProvisioningState.Succeeded, WEU, null);
    private static final Verdict PAIRED = Verdict.ready("Paired", "paired");

    private static Arguments r(
            String name,
            Optional<Observed> observed,
            FailoverMemory memory,
            Verdict verdict,
            String status,
            String reason,
            String message) {
        return Arguments.of(
                Named.of(name, new Row(observed, memory, verdict, status, reason, message)));
    }

    private static Optional<Observed> obs(SideView primary, SideView partner) {
        return Optional.of(Observed.of(primary, partner));
    }

    @org.junit.jupiter.api.Test
    void acrossSubscriptionsASafeFailoverIsNeverReady() {
        NamespaceRef otherSub = new NamespaceRef("s2", "rg", "orders-neu");
        Desired across =
                new Desired(
                        "orders",
                        WEU,
                        otherSub,
                        Optional.empty(),
                        0,
                        FailoverMode.Safe,
                        false,
                        false);
        ServiceBusGeoPairingStatus status =
                StatusProjector.project(
                        null,
                        new StatusProjector.Input(
                                1,
                                across,
                                obs(
                                        rec(
                                                WEU,
                                                AliasRole.Primary,
                                                ProvisioningState.Succeeded,
                                                otherSub,
                                                0L),
                                        rec(
                                                otherSub,
                                                AliasRole.Secondary,
                                                ProvisioningState.Succeeded,
                                                WEU,
                                                null)),
                                FailoverMemory.adopted(0),
                                PAIRED,
                                Optional.of(WEU),
                                T0));
        Condition c =
                status.getConditions().stream()
                        .filter(x -> x.getType().equals(StatusProjector.FAILOVER_READY))
                        .findFirst()
                        .orElseThrow();
        assertThat(c.getStatus()).isEqualTo("False");
        assertThat(c.getReason()).isEqualTo("CrossSubscription");
        assertThat(c.getMessage())
                .contains("refused by ARM")
                .contains("primary in s, partner in s2")
                .contains("a Forced one works");
    }

    static Stream<Arguments> rows() {
        FailoverMemory steady = FailoverMemory.adopted(0);
        FailoverMemory inFlight =
                steady.withInFlight(
                        new FailoverInFlight(
                                1, FailoverMode.Safe, WEU, NEU, FailoverPhase.Issued, T0, T0));
        return Stream.of(
                r(
                        "paired, nothing pending: a Safe failover would be accepted",
                        obs(PRIMARY, SECONDARY),
                        steady,
                        PAIRED,
                        "True",
                        "Ready",
                        "a Safe failover issued now would be accepted"),
                r(
                        "a failover in flight",
                        obs(PRIMARY, SECONDARY),
                        inFlight,
                        Verdict.progressing("FailingOver", "running"),
                        "False",
                        "FailingOver",
                        "a failover is already in flight"),
                r(
                        "ARM not read (throttled): the pass's reason",
                        Optional.empty(),
                        steady,
                        Verdict.progressing("Throttled", "429"),
                        "False",
                        "Throttled",
                        "ARM was not read in this pass"),
                r(
                        "nothing in Azure yet",
                        obs(SideView.absent(), SideView.absent()),
                        steady,
                        Verdict.progressing("Pairing", "creating"),
                        "False",
                        "NotPaired",
                        "the alias is not paired as spec'd (primary shows no alias record)"),
                r(
                        "the primary is paired with another partner than the spec's",
                        obs(
                                rec(WEU, AliasRole.Primary, ProvisioningState.Succeeded, FRC, 0L),
                                SideView.absent()),
                        steady,
                        Verdict.progressing("Breaking", "breaking"),
                        "False",
                        "NotPaired",
                        "the alias is not paired as spec'd (primary shows Primary/Succeeded)"),
                r(
                        "the primary is unreachable",
                        obs(new SideView.Unreachable("503"), SECONDARY),
                        steady,
                        Verdict.progressing("Unreachable", "down"),
                        "False",
                        "Unreachable",
                        "the alias is not paired as spec'd (primary shows unreachable)"),
                r(
                        "the partner is unreachable",
                        obs(PRIMARY, new SideView.Unreachable("503")),
                        steady,
                        PAIRED,
                        "False",
                        "Unreachable",
                        "the partner namespace is unreachable"),
                r(
                        "the pairing is still Accepted on the primary",
                        obs(
                                rec(WEU, AliasRole.Primary, ProvisioningState.Accepted, NEU, 0L),
                                SECONDARY),
                        steady,
                        Verdict.progressing("Pairing", "accepted"),
                        "False",
                        "NotPaired",
                        "the pairing is Accepted, not Succeeded"),
                r(
                        "the partner is still Secondary/Accepted",
                        obs(
                                PRIMARY,
                                rec(
                                        NEU,
                                        AliasRole.Secondary,
                                        ProvisioningState.Accepted,
                                        WEU,
                                        null)),
                        steady,
                        Verdict.progressing("Pairing", "accepted"),
                        "False",
                        "NotPaired",
                        "the partner namespace shows Secondary/Accepted"),
                r(
                        "replication pending",
                        obs(
                                rec(WEU, AliasRole.Primary, ProvisioningState.Succeeded, NEU, 3L),
                                SECONDARY),
                        steady,
                        Verdict.ready("Paired", "3 pending"),
                        "False",
                        "ReplicationPending",
                        "replication is pending (3 operation(s))"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void failoverReady(Row row) {
        ServiceBusGeoPairingStatus status =
                StatusProjector.project(
                        null,
                        new StatusProjector.Input(
                                1,
                                DESIRED,
                                row.observed(),
                                row.memory(),
                                row.verdict(),
                                Optional.of(WEU),
                                T0));
        Condition c =
                status.getConditions().stream()
                        .filter(x -> x.getType().equals(StatusProjector.FAILOVER_READY))
                        .findFirst()
                        .orElseThrow();
        assertThat(c.getStatus()).as("status").isEqualTo(row.status());
        assertThat(c.getReason()).as("reason").isEqualTo(row.reason());
        assertThat(c.getMessage()).as("message").isEqualTo(row.message());
    }
}
