package dev.geodr.servicebus.operator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * What the Observer remembers for a short while (namespace facts, namespaces that did not answer, a
 * refused pass's reads): each entry is usable for {@code ttl} from when it was stamped, and the map
 * never grows past {@link #MAX_ENTRIES} live keys, because stale ones are dropped first.
 */
final class ExpiringEntries<K, V> {

    static final int MAX_ENTRIES = 10_000;

    private record Entry<V>(V value, Instant at) {}

    private final Clock clock;
    private final Duration ttl;
    private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();

    ExpiringEntries(Clock clock, Duration ttl) {
        this.clock = clock;
        this.ttl = ttl;
    }

    /** The value, if it was stamped less than {@code ttl} ago. */
    Optional<V> get(K key) {
        Entry<V> entry = entries.get(key);
        return entry != null && fresh(entry, clock.instant())
                ? Optional.of(entry.value())
                : Optional.empty();
    }

    /** The fresh value, else {@code read}'s, which is kept from now on. */
    V getOrRead(K key, Supplier<V> read) {
        return get(key).orElseGet(
                        () -> {
                            V value = read.get();
                            put(key, value);
                            return value;
                        });
    }

    /** Removes the entry and returns its value if it was still fresh. */
    Optional<V> take(K key) {
        Entry<V> entry = entries.remove(key);
        return entry != null && fresh(entry, clock.instant())
                ? Optional.of(entry.value())
                : Optional.empty();
    }

    void put(K key, V value) {
        put(key, value, clock.instant());
    }

    /** Keeps {@code value} as if stamped at {@code at} (a retry must not renew what it carries). */
    void put(K key, V value, Instant at) {
        if (entries.size() >= MAX_ENTRIES) {
            Instant now = clock.instant();
            entries.values().removeIf(e -> !fresh(e, now));
        }
        entries.put(key, new Entry<>(value, at));
    }

    void remove(K key) {
        entries.remove(key);
    }

    private boolean fresh(Entry<V> entry, Instant now) {
        return now.isBefore(entry.at().plus(ttl));
    }
}
