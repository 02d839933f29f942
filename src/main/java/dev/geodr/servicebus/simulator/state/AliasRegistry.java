package dev.geodr.servicebus.simulator.state;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The global alias name space (§9.1, invariant 4): an alias is held while any namespace has a
 * record for it, then stays reserved as a tombstone until its release time (Terraform polls
 * CheckNameAvailability after DELETE until the name is free again, §2.7).
 */
final class AliasRegistry {

    private static final class Claim {
        final Set<String> holders = new HashSet<>();
        long releaseAt;
    }

    private final Map<String, Claim> claims = new HashMap<>();

    void hold(String alias, String nsKey) {
        claims.computeIfAbsent(NsKeys.lower(alias), k -> new Claim()).holders.add(nsKey);
    }

    /**
     * Drops one holder; when it was the last one the name stays reserved until {@code releaseAt}.
     */
    void drop(String alias, String nsKey, long releaseAt) {
        Claim c = claims.get(NsKeys.lower(alias));
        if (c == null) {
            return;
        }
        c.holders.remove(nsKey);
        if (c.holders.isEmpty()) {
            c.releaseAt = releaseAt;
        }
    }

    boolean taken(String alias, long now) {
        Claim c = claims.get(NsKeys.lower(alias));
        if (c == null) {
            return false;
        }
        if (!c.holders.isEmpty() || c.releaseAt > now) {
            return true;
        }
        claims.remove(NsKeys.lower(alias));
        return false;
    }

    void clear() {
        claims.clear();
    }
}
