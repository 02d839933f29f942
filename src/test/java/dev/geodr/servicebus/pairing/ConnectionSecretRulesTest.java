package dev.geodr.servicebus.pairing;

import static dev.geodr.servicebus.arm.ProvisioningState.Accepted;
import static dev.geodr.servicebus.pairing.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.geodr.servicebus.arm.AliasRole;
import dev.geodr.servicebus.arm.NamespaceRef;
import dev.geodr.servicebus.arm.ProvisioningState;
import dev.geodr.servicebus.core.Requeue;
import dev.geodr.servicebus.core.Verdict;
import dev.geodr.servicebus.pairing.ConnectionSecretRules.KeySource;
import dev.geodr.servicebus.pairing.ConnectionSecretRules.Stamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * When the connection Secret is refreshed: only from a settled alias on the active namespace, and
 * only when the Secret is missing, came from elsewhere or is older than the refresh interval.
 */
class ConnectionSecretRulesTest {

    private static final Duration REFRESH = Duration.ofHours(1);
    private static final Observed PAIRED =
            Observed.of(primaryPaired(WEU, NEU, 0), secondaryPaired(NEU, WEU));
    private static final Observed FAILED_OVER =
            Observed.of(absent(), pnr(NEU, ProvisioningState.Succeeded));

    private static Plan activeOn(NamespaceRef active) {
        return Plan.waitFor(
                FailoverMemory.adopted(0),
                Verdict.ready(Reasons.PAIRED, "paired"),
                new Requeue(SETTINGS.steadyPoll(), true),
                Optional.ofNullable(active));
    }

    static Stream<Arguments> wanted() {
        Desired d = desired(WEU, NEU);
        Optional<String> defaultRule = Optional.of("");
        return Stream.of(
                row(
                        "paired, no rule named → the primary's RootManageSharedAccessKey",
                        d,
                        defaultRule,
                        activeOn(WEU),
                        Optional.of(PAIRED),
                        new KeySource(WEU, "orders", "RootManageSharedAccessKey")),
                row(
                        "a named rule is used as given",
                        d,
                        Optional.of("send-only"),
                        activeOn(WEU),
                        Optional.of(PAIRED),
                        new KeySource(WEU, "orders", "send-only")),
                row(
                        "after a failover the keys come from the partner, the alias's holder now",
                        d,
                        defaultRule,
                        activeOn(NEU),
                        Optional.of(FAILED_OVER),
                        new KeySource(NEU, "orders", "RootManageSharedAccessKey")),
                row(
                        "no Secret asked for",
                        d,
                        Optional.empty(),
                        activeOn(WEU),
                        Optional.of(PAIRED),
                        null),
                row(
                        "the resource is being deleted",
                        deleting(d, true),
                        defaultRule,
                        activeOn(WEU),
                        Optional.of(PAIRED),
                        null),
                row(
                        "nothing observed this pass (ARM unreadable or no identity)",
                        d,
                        defaultRule,
                        activeOn(WEU),
                        Optional.empty(),
                        null),
                row(
                        "no active namespace known",
                        d,
                        defaultRule,
                        activeOn(null),
                        Optional.of(PAIRED),
                        null),
                row(
                        "the holder's record is still Accepted: its keys may not be final",
                        d,
                        defaultRule,
                        activeOn(WEU),
                        Optional.of(
                                Observed.of(rec(WEU, AliasRole.Primary, Accepted, NEU), absent())),
                        null),
                row(
                        "the holder has no record",
                        d,
                        defaultRule,
                        activeOn(NEU),
                        Optional.of(Observed.of(primaryPaired(WEU, NEU, 0), absent())),
                        null));
    }

    private static Arguments row(
            String name,
            Desired desired,
            Optional<String> rule,
            Plan plan,
            Optional<Observed> observed,
            KeySource expected) {
        return Arguments.of(
                Named.of(name, desired), rule, plan, observed, Optional.ofNullable(expected));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void wanted(
            Desired desired,
            Optional<String> rule,
            Plan plan,
            Optional<Observed> observed,
            Optional<KeySource> expected) {
        assertThat(ConnectionSecretRules.wanted(desired, rule, plan, observed)).isEqualTo(expected);
    }

    static Stream<Arguments> needsRefresh() {
        KeySource keys = new KeySource(WEU, "orders", "RootManageSharedAccessKey");
        String source = keys.id();
        Instant fetched = NOW.minus(Duration.ofMinutes(30));
        return Stream.of(
                Arguments.of(Named.of("no Secret yet", Optional.empty()), true),
                Arguments.of(
                        Named.of(
                                "fresh, same source",
                                Optional.of(new Stamp(source, Optional.of(fetched)))),
                        false),
                Arguments.of(
                        Named.of(
                                "same source, one refresh interval old",
                                Optional.of(new Stamp(source, Optional.of(NOW.minus(REFRESH))))),
                        true),
                Arguments.of(
                        Named.of(
                                "same source, a millisecond short of the interval",
                                Optional.of(
                                        new Stamp(
                                                source,
                                                Optional.of(NOW.minus(REFRESH).plusMillis(1))))),
                        false),
                Arguments.of(
                        Named.of(
                                "fresh, but from the partner before a failover back",
                                Optional.of(
                                        new Stamp(
                                                new KeySource(
                                                                NEU,
                                                                "orders",
                                                                "RootManageSharedAccessKey")
                                                        .id(),
                                                Optional.of(fetched)))),
                        true),
                Arguments.of(
                        Named.of(
                                "fresh, but for another rule",
                                Optional.of(
                                        new Stamp(
                                                new KeySource(WEU, "orders", "send-only").id(),
                                                Optional.of(fetched)))),
                        true),
                Arguments.of(
                        Named.of(
                                "no readable refresh time (edited by hand)",
                                Optional.of(new Stamp(source, Optional.empty()))),
                        true));
    }

    @ParameterizedTest(name = "{0} → refresh {1}")
    @MethodSource
    void needsRefresh(Optional<Stamp> existing, boolean refresh) {
        KeySource keys = new KeySource(WEU, "orders", "RootManageSharedAccessKey");
        assertThat(ConnectionSecretRules.needsRefresh(keys, existing, NOW, REFRESH))
                .isEqualTo(refresh);
    }

    @Test
    void theSourceNamesHolderAliasAndRule() {
        assertThat(new KeySource(WEU, "orders", "send-only").id())
                .isEqualTo(WEU.id() + "/disasterRecoveryConfigs/orders/send-only");
    }
}
