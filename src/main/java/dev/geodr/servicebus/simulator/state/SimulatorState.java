package dev.geodr.servicebus.simulator.state;

import dev.geodr.servicebus.simulator.clock.SimulatorClock;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * All simulated resources behind one lock. Handlers on several event loops call {@link #locked};
 * the work inside is in-memory and short, so a single lock is simple and cannot deadlock. Before
 * any operation the timers that have fallen due on the virtual clock are applied, in due order.
 */
public final class SimulatorState {

    private final ReentrantLock lock = new ReentrantLock();
    final SimulatorClock clock;
    final StateSettings settings;
    final Map<String, SimNamespace> namespaces = new LinkedHashMap<>();

    /** lower(namespace name) → how many namespaces carry it; aliases share the DNS label space. */
    final Map<String, Integer> namespaceNames = new HashMap<>();

    final AliasRegistry registry = new AliasRegistry();
    final TimerQueue timers = new TimerQueue();
    final Transitions transitions = new Transitions(this);

    /** Geo-Replication operations by id; kept until reset so their URLs stay pollable. */
    final Map<String, GeoOperation> operations = new HashMap<>();

    final GeoProgress geoProgress = new GeoProgress(this);
    private volatile Predicate<String> unreachable = key -> false;
    private volatile Predicate<String> regionUnreachable = region -> false;
    private long nextEpoch = 1;

    public SimulatorState(SimulatorClock clock, StateSettings settings) {
        this.clock = clock;
        this.settings = settings;
    }

    /** Runs {@code work} under the lock after bringing the state up to the clock's current time. */
    public <T> T locked(Supplier<T> work) {
        lock.lock();
        try {
            settle(clock.nowMillis());
            return work.get();
        } finally {
            lock.unlock();
        }
    }

    /** Tells the state machine which namespaces are cut off (a simulated regional outage). */
    public void setUnreachable(Predicate<String> unreachableByKey) {
        this.unreachable = unreachableByKey;
    }

    /**
     * Tells the state which regions are down (short lower-case names, e.g. "westeurope"). Call
     * {@link #settleNow()} before the predicate's answers change, so the backlog up to that instant
     * is integrated under the old conditions.
     */
    public void setRegionUnreachable(Predicate<String> unreachableRegion) {
        this.regionUnreachable = unreachableRegion;
    }

    boolean isRegionUnreachable(String region) {
        return region != null && regionUnreachable.test(region);
    }

    /** Brings everything up to the clock's current time (before a fault or rate change). */
    public void settleNow() {
        locked(() -> null);
    }

    boolean isUnreachable(String nsKey) {
        return unreachable.test(nsKey);
    }

    long now() {
        return clock.nowMillis();
    }

    private void settle(long now) {
        for (TimerQueue.Event e = timers.pollDue(now); e != null; e = timers.pollDue(now)) {
            transitions.apply(e);
        }
        geoProgress.settleAll(now);
    }

    long newEpoch() {
        return nextEpoch++;
    }

    SimNamespace namespace(String subscriptionId, String resourceGroup, String name) {
        return namespaces.get(NsKeys.of(subscriptionId, resourceGroup, name));
    }

    SimNamespace byKey(String key) {
        return key == null ? null : namespaces.get(key);
    }

    /**
     * The namespace a request path names, or null: a namespace of the other provider is not visible
     * under this provider's path (ARM answers 404 for it).
     */
    SimNamespace byPath(NsPath path) {
        SimNamespace ns = byKey(path.key());
        return ns == null || ns.provider != path.provider() ? null : ns;
    }

    Collection<SimNamespace> all() {
        return namespaces.values();
    }

    boolean namespaceNameExists(String name) {
        return namespaceNames.containsKey(NsKeys.lower(name));
    }

    void addNamespace(SimNamespace ns) {
        namespaces.put(ns.key(), ns);
        namespaceNames.merge(NsKeys.lower(ns.name), 1, Integer::sum);
    }

    void removeNamespace(SimNamespace ns) {
        namespaces.remove(ns.key());
        namespaceNames.computeIfPresent(NsKeys.lower(ns.name), (k, n) -> n > 1 ? n - 1 : null);
    }

    void clear() {
        namespaces.clear();
        namespaceNames.clear();
        registry.clear();
        timers.clear();
        operations.clear();
    }

    /**
     * {@code pendingReplicationOperationsCount} of a primary at {@code now}: what was pending at
     * {@code pendingSince}, minus what the configured rate has drained since. Only a {@code
     * Succeeded} primary has one (§2.4).
     */
    long pending(SimAliasRecord rec, long now) {
        if (rec == null || rec.state != RecordState.P_PAIRED || rec.pendingBase <= 0) {
            return 0;
        }
        double rate = settings.replicationEntitiesPerMinute();
        long drained =
                rate <= 0 ? 0 : (long) Math.floor((now - rec.pendingSince) * rate / 60_000.0);
        return Math.max(0, rec.pendingBase - drained);
    }

    /** A paired secondary holds whatever of its primary's entities has been replicated so far. */
    long effectiveEntities(SimNamespace ns, long now) {
        SimAliasRecord rec = ns.alias;
        if (rec != null && rec.state == RecordState.S_PAIRED) {
            SimNamespace primary = byKey(rec.partnerKey);
            if (primary != null) {
                return Math.max(0, primary.entities - pending(primary.alias, now));
            }
        }
        return ns.entities;
    }

    /**
     * Admin changed a namespace's entity count: additions on a paired primary become pending work.
     */
    void entitiesChanged(SimNamespace ns, long oldCount, long now) {
        SimAliasRecord rec = ns.alias;
        if (rec != null && rec.state == RecordState.P_PAIRED && ns.entities > oldCount) {
            rec.pendingBase = pending(rec, now) + (ns.entities - oldCount);
            rec.pendingSince = now;
        }
    }

    /**
     * How many transition timers are still scheduled after settling to the current time (tests,
     * diagnostics).
     */
    public int scheduledTimers() {
        return locked(timers::size);
    }
}
