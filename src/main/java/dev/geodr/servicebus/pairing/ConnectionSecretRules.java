package dev.geodr.servicebus.pairing;

import dev.geodr.servicebus.arm.NamespaceRef;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Whether this pass refreshes the connection Secret from {@code listKeys}. listKeys spends ARM's
 * write budget, so the keys are fetched only when the Secret is missing, its source (holder
 * namespace, alias, rule) changed, or the refresh interval passed; and only from a settled alias,
 * whose keys are the ones clients will get.
 */
public final class ConnectionSecretRules {

    /** The rule every namespace has; used when the spec names none. */
    public static final String DEFAULT_RULE = "RootManageSharedAccessKey";

    /**
     * What an existing Secret says of itself (its annotations).
     *
     * @param source where its keys came from, see {@link #source}
     * @param refreshedAt when they were fetched; empty when missing or unreadable
     */
    public record Stamp(String source, Optional<Instant> refreshedAt) {}

    /** The keys to fetch: the alias's authorization rule on the namespace that holds it now. */
    public record KeySource(NamespaceRef holder, String alias, String rule) {

        /** The Secret's source annotation: changes whenever the keys come from elsewhere. */
        public String id() {
            return holder.id() + "/disasterRecoveryConfigs/" + alias + "/" + rule;
        }
    }

    private ConnectionSecretRules() {}

    /**
     * The keys the Secret should hold after this pass, or empty when it is left alone: no Secret
     * asked for, the resource is going, nothing was observed, or the alias on the active namespace
     * is not settled.
     *
     * @param authorizationRule the spec's rule, blank for {@link #DEFAULT_RULE}; empty when the
     *     spec asks for no Secret
     */
    public static Optional<KeySource> wanted(
            Desired desired,
            Optional<String> authorizationRule,
            Plan plan,
            Optional<Observed> observed) {
        if (desired.deleting()
                || authorizationRule.isEmpty()
                || plan.active().isEmpty()
                || observed.isEmpty()) {
            return Optional.empty();
        }
        NamespaceRef active = plan.active().get();
        SideView holder =
                active.sameAs(desired.primary())
                        ? observed.get().primary()
                        : observed.get().partner();
        if (!(holder instanceof SideView.Present p) || !p.record().isSucceeded()) {
            return Optional.empty();
        }
        String rule = authorizationRule.get().isBlank() ? DEFAULT_RULE : authorizationRule.get();
        return Optional.of(new KeySource(active, desired.alias(), rule));
    }

    /** Whether listKeys must run for {@code wanted} given the Secret as it is now. */
    public static boolean needsRefresh(
            KeySource wanted, Optional<Stamp> existing, Instant now, Duration refresh) {
        if (existing.isEmpty() || !wanted.id().equals(existing.get().source())) {
            return true;
        }
        return existing.get().refreshedAt().map(at -> !now.isBefore(at.plus(refresh))).orElse(true);
    }
}
