package dev.geodr.servicebus.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.geodr.servicebus.arm.AliasRecord;
import dev.geodr.servicebus.arm.AliasRole;
import dev.geodr.servicebus.arm.ArmErrorKind;
import dev.geodr.servicebus.arm.ArmException;
import dev.geodr.servicebus.arm.FailoverMode;
import dev.geodr.servicebus.arm.NamespaceRef;
import dev.geodr.servicebus.arm.ProvisioningState;
import dev.geodr.servicebus.pairing.Desired;
import dev.geodr.servicebus.pairing.Observed;
import dev.geodr.servicebus.pairing.SideView;
import dev.geodr.servicebus.testing.MutableClock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What the Observer reads for each kind of pass, counted in the port's calls. */
class ObserverTest {

    private static final NamespaceRef WEU = new NamespaceRef("s", "rg", "orders-weu");
    private static final NamespaceRef NEU = new NamespaceRef("s", "rg", "orders-neu");
    private static final Desired DESIRED =
            new Desired("orders", WEU, NEU, Optional.empty(), 0, FailoverMode.Safe, false, false);
    private static final Desired FORCED =
            new Desired("orders", WEU, NEU, Optional.empty(), 1, FailoverMode.Forced, false, false);

    private final MutableClock clock = MutableClock.atEpochPlus(0);
    private final InMemoryArmPort arm =
            new InMemoryArmPort().premiumNamespace(WEU).premiumNamespace(NEU);
    private final Observer observer = new Observer(clock);

    private static final Observer.Request FORCED_REQUEST =
            new Observer.Request("ns/orders/uid", FORCED, true, true, true, true);

    /** A settled pairing in Azure: Primary on orders-weu, Secondary on orders-neu. */
    private void settled() {
        arm.alias(record(WEU, AliasRole.Primary, ProvisioningState.Succeeded, NEU));
        arm.alias(record(NEU, AliasRole.Secondary, ProvisioningState.Succeeded, WEU));
    }

    private static Observer.Request request(boolean primaryKnown, boolean partnerKnown) {
        return new Observer.Request(
                "ns/orders/uid", DESIRED, false, false, primaryKnown, partnerKnown);
    }

    private static AliasRecord record(
            NamespaceRef on, AliasRole role, ProvisioningState state, NamespaceRef partner) {
        return new AliasRecord(
                on, "orders", role, state, Optional.of(partner), Optional.of(0L), Optional.empty());
    }

    static Stream<Arguments> passes() {
        return Stream.of(
                Arguments.of(
                        "first sight, nothing in Azure: each side listed once (no separate GET),"
                                + " primary GET only, partner GET and its queues and topics",
                        List.<AliasRecord>of(),
                        false,
                        List.of(
                                "listAliases orders-weu",
                                "listAliases orders-neu",
                                "getNamespace orders-weu",
                                "getNamespace orders-neu",
                                "listQueues orders-neu",
                                "listTopics orders-neu")),
                Arguments.of(
                        "steady pairing with both records in status: one GET a side",
                        List.of(
                                record(WEU, AliasRole.Primary, ProvisioningState.Succeeded, NEU),
                                record(NEU, AliasRole.Secondary, ProvisioningState.Succeeded, WEU)),
                        true,
                        List.of("getAlias orders-weu", "getAlias orders-neu")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("passes")
    void readsOnlyWhatThePassNeeds(
            String row, List<AliasRecord> inAzure, boolean recordsKnown, List<String> calls) {
        inAzure.forEach(arm::alias);
        observer.observe(arm, request(recordsKnown, recordsKnown));
        assertThat(arm.calls()).containsExactlyElementsOf(calls);
    }

    @Test
    void whileArmPairsOnlyThePrimaryIsPolledAndSucceededReadsThePartnerAgain() {
        observer.observe(arm, request(false, false)); // preflight: partner seen without a record
        arm.alias(record(WEU, AliasRole.Primary, ProvisioningState.Accepted, NEU));
        arm.alias(record(NEU, AliasRole.Secondary, ProvisioningState.Accepted, WEU));
        int before = arm.calls().size();

        Observed accepted = observer.observe(arm, request(true, false));
        assertThat(arm.calls().subList(before, arm.calls().size()))
                .containsExactly("getAlias orders-weu");
        assertThat(accepted.partner())
                .as("the partner as last read")
                .isInstanceOf(SideView.Absent.class);

        arm.alias(record(WEU, AliasRole.Primary, ProvisioningState.Succeeded, NEU));
        before = arm.calls().size();
        Observed succeeded = observer.observe(arm, request(true, false));
        assertThat(arm.calls().subList(before, arm.calls().size()))
                .containsExactly("getAlias orders-weu", "listAliases orders-neu");
        assertThat(succeeded.partner().hasRole(AliasRole.Secondary)).isTrue();
    }

    @Test
    void aPartnerReadFromAnotherNamespaceIsNotReused() {
        NamespaceRef frc = new NamespaceRef("s", "rg", "orders-frc");
        arm.premiumNamespace(frc);
        observer.observe(arm, request(false, false)); // remembers orders-neu without a record
        arm.alias(record(WEU, AliasRole.Primary, ProvisioningState.Accepted, frc));
        Desired repointed =
                new Desired(
                        "orders", WEU, frc, Optional.empty(), 0, FailoverMode.Safe, false, false);
        int before = arm.calls().size();
        observer.observe(
                arm, new Observer.Request("ns/orders/uid", repointed, false, false, true, false));
        assertThat(arm.calls().subList(before, arm.calls().size()))
                .as("the new partner is read although ARM is pairing")
                .containsExactly("getAlias orders-weu", "listAliases orders-frc");
    }

    @Test
    void aForcedRequestDoesNotReadAPrimaryThatJustFailedToAnswer() {
        settled();
        arm.failNext("getAlias", unreachable());

        Observed first = observer.observe(arm, FORCED_REQUEST);
        assertThat(first.primary()).isInstanceOf(SideView.Unreachable.class);
        int before = arm.calls().size();

        Observed second = observer.observe(arm, FORCED_REQUEST);
        assertThat(arm.calls().subList(before, arm.calls().size()))
                .as("only the secondary is read")
                .containsExactly("getAlias orders-neu");
        assertThat(second.primary()).isEqualTo(first.primary());

        clock.advance(UnreachableNamespaces.REMEMBER_FOR);
        before = arm.calls().size();
        observer.observe(arm, FORCED_REQUEST);
        assertThat(arm.calls().subList(before, arm.calls().size()))
                .as("after a while it is tried again")
                .containsExactly("getAlias orders-weu", "getAlias orders-neu");
    }

    @Test
    void aForcedRequestStillReadsAPartnerThatFailedToAnswer() {
        settled();
        arm.failNext("getAlias", unreachable());
        observer.observe(arm, FORCED_REQUEST); // the primary does not answer
        arm.failNext("getAlias", unreachable());
        Observed partnerDown =
                observer.observe(arm, FORCED_REQUEST); // primary skipped; the partner fails
        assertThat(partnerDown.partner()).isInstanceOf(SideView.Unreachable.class);
        int before = arm.calls().size();

        Observed next = observer.observe(arm, FORCED_REQUEST);
        assertThat(arm.calls().subList(before, arm.calls().size()))
                .as("the partner, where the POST goes, is read again at once")
                .containsExactly("getAlias orders-neu");
        assertThat(next.partner().hasRole(AliasRole.Secondary)).isTrue();
    }

    @Test
    void aRoutinePassStillReadsAKnownUnreachableNamespace() {
        settled();
        arm.failNext("getAlias", unreachable());
        observer.observe(arm, request(true, true));
        int before = arm.calls().size();
        observer.observe(arm, request(true, true));
        assertThat(arm.calls().subList(before, arm.calls().size()))
                .containsExactly("getAlias orders-weu", "getAlias orders-neu");
    }

    @Test
    void aPassRefusedMidwayIsResumedWithoutReadingAgainWhatItHadRead() {
        arm.failNext("getNamespace", throttled());
        assertThatThrownBy(() -> observer.observe(arm, request(false, false)))
                .isInstanceOf(ArmException.class);
        int before = arm.calls().size();

        observer.observe(arm, request(false, false));
        assertThat(arm.calls().subList(before, arm.calls().size()))
                .as("the lists of the refused pass are kept; the refused read is made")
                .containsExactly(
                        "getNamespace orders-weu",
                        "getNamespace orders-neu",
                        "listQueues orders-neu",
                        "listTopics orders-neu");
    }

    @Test
    void keptReadsExpire() {
        arm.failNext("getNamespace", throttled());
        assertThatThrownBy(() -> observer.observe(arm, request(false, false)))
                .isInstanceOf(ArmException.class);
        clock.advance(PassReads.CARRY_FOR.plus(Duration.ofSeconds(1)));
        int before = arm.calls().size();
        observer.observe(arm, request(false, false));
        assertThat(arm.calls().subList(before, arm.calls().size()))
                .startsWith("listAliases orders-weu", "listAliases orders-neu");
    }

    @Test
    void aFailoverPassTakesKeptReadsForAShorterWhile() {
        arm.failNext("getNamespace", throttled());
        assertThatThrownBy(() -> observer.observe(arm, request(false, false)))
                .isInstanceOf(ArmException.class);
        clock.advance(PassReads.FAILOVER_CARRY_FOR.plus(Duration.ofSeconds(1)));
        int before = arm.calls().size();
        observer.observe(
                arm, new Observer.Request("ns/orders/uid", DESIRED, true, false, false, false));
        assertThat(arm.calls().subList(before, arm.calls().size()))
                .as("a routine pass would still take these reads; a failover pass reads again")
                .startsWith("listAliases orders-weu", "listAliases orders-neu");
    }

    private static ArmException unreachable() {
        return new ArmException(
                ArmErrorKind.TRANSIENT, 503, "ServiceUnavailable", "region down", null, null);
    }

    private static ArmException throttled() {
        return new ArmException(
                ArmErrorKind.THROTTLED,
                0,
                "ClientThrottled",
                "Request not sent",
                Duration.ofSeconds(1),
                null);
    }
}
