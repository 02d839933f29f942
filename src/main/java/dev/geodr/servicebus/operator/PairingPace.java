package dev.geodr.servicebus.operator;

import dev.geodr.servicebus.arm.AliasRole;
import dev.geodr.servicebus.arm.ProvisioningState;
import dev.geodr.servicebus.core.Requeue;
import dev.geodr.servicebus.pairing.Action;
import dev.geodr.servicebus.pairing.Desired;
import dev.geodr.servicebus.pairing.Observed;
import dev.geodr.servicebus.pairing.PairingPlanner;
import dev.geodr.servicebus.pairing.Plan;
import dev.geodr.servicebus.pairing.SideView;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How long ARM takes to pair, learned per subscription, so that the polls of a pairing in progress
 * wait until a change is plausible instead of reading at every fast poll.
 *
 * <p>ARM's pairing time varies (61 to 193 s were recorded for empty Premium namespaces, more with
 * entities to copy), so one fixed first poll reads too early for most pairings. A pairing this
 * operator PUT, saw still Accepted at one age and done one fast poll later took between those two
 * ages: a tight sample. Once {@link #MIN_SAMPLES} pairings of a subscription gave tight samples
 * within {@link #REMEMBER_FOR}, a pairing in progress is next polled when it is as old as the
 * quickest of them was when seen done. A pairing at least as slow as that one's last Accepted age
 * is then still seen within one fast poll of finishing; a quicker one is seen late by at most the
 * difference, which {@link #MAX_WAIT} bounds.
 *
 * <p>A pairing whose polls were further apart (its first poll already showed it done, or a poll was
 * refused) adds nothing, so a pace learned from slow pairings lapses after {@link #REMEMBER_FOR}
 * and the fixed cadence learns it again. Kept in memory only: a restarted operator starts from the
 * fixed cadence.
 */
final class PairingPace {

    static final Duration REMEMBER_FOR = Duration.ofMinutes(15);
    static final int MIN_SAMPLES = 3;
    static final Duration MAX_WAIT = Duration.ofMinutes(5);

    /** The newest samples kept per subscription; the wait is their minimum. */
    static final int MAX_SAMPLES = 32;

    /** Pairings ARM is still making, forgotten if nothing is heard of them for this long. */
    private static final Duration IN_FLIGHT_FOR = Duration.ofHours(2);

    private record InFlight(String subscription, Instant putAt, Duration lastSeenPairingAt) {}

    private record Sample(Duration seenDoneAt, Instant at) {}

    private final Clock clock;
    private final Duration fastPoll;
    private final ExpiringEntries<String, InFlight> inFlight;
    private final Map<String, Deque<Sample>> samples = new ConcurrentHashMap<>();

    PairingPace(Clock clock, Duration fastPoll) {
        this.clock = clock;
        this.fastPoll = fastPoll;
        this.inFlight = new ExpiringEntries<>(clock, IN_FLIGHT_FOR);
    }

    /**
     * Tells the pace what this pass saw of a pairing in progress, and lets it hold back the next
     * poll while ARM cannot plausibly be done yet. Only a pass that waits on ARM's pairing is held,
     * never one working on a failover request: anything else keeps the planner's requeue.
     */
    Requeue afterPass(
            String key,
            Desired desired,
            Optional<Observed> observed,
            Plan plan,
            boolean failoverPending) {
        Requeue planned = plan.requeue();
        if (plan.action() instanceof Action.CreatePairing) {
            // the reconcile pass recorded the PUT only if ARM accepted it
            return new Requeue(nextPoll(key, planned.after()), planned.jitter());
        }
        if (observed.isEmpty()) {
            return planned;
        }
        SideView primary = observed.get().primary();
        if (PairingPlanner.partnerCanWait(desired, primary)) {
            stillPairing(key);
            return plan.action().writesToArm() || failoverPending
                    ? planned
                    : new Requeue(nextPoll(key, planned.after()), planned.jitter());
        }
        if (primary.is(AliasRole.Primary, ProvisioningState.Succeeded)
                && primary.partnerIs(desired.partner())) {
            finished(key);
        } else {
            forget(key);
        }
        return planned;
    }

    /** ARM accepted our pairing PUT for this resource just now. */
    void requested(String resourceKey, String subscription) {
        inFlight.put(resourceKey, new InFlight(subscription, clock.instant(), Duration.ZERO));
    }

    /** This pass saw ARM still pairing (the primary Accepted, naming our partner). */
    void stillPairing(String resourceKey) {
        Instant now = clock.instant();
        inFlight.get(resourceKey)
                .ifPresent(
                        f ->
                                inFlight.put(
                                        resourceKey,
                                        new InFlight(
                                                f.subscription(),
                                                f.putAt(),
                                                Duration.between(f.putAt(), now)),
                                        now));
    }

    /** This pass saw the pairing done; a tight sample teaches the subscription's pace. */
    void finished(String resourceKey) {
        Instant now = clock.instant();
        inFlight.take(resourceKey)
                .ifPresent(
                        f -> {
                            Duration seenDoneAt = Duration.between(f.putAt(), now);
                            Duration gap = seenDoneAt.minus(f.lastSeenPairingAt());
                            boolean tight =
                                    !f.lastSeenPairingAt().isZero()
                                            && gap.compareTo(tightGap()) <= 0;
                            if (tight) {
                                addSample(f.subscription(), seenDoneAt);
                            }
                        });
    }

    /** One fast poll, with room for a late timer or a slow read. */
    private Duration tightGap() {
        return fastPoll.plus(fastPoll.dividedBy(2));
    }

    void forget(String resourceKey) {
        inFlight.remove(resourceKey);
    }

    /**
     * The wait before the next poll of a pairing in progress: the planner's, or longer while it is
     * younger than the quickest recent pairing of its subscription was when seen done.
     */
    Duration nextPoll(String resourceKey, Duration planned) {
        Optional<InFlight> pairing = inFlight.get(resourceKey);
        if (pairing.isEmpty()) {
            return planned;
        }
        Optional<Duration> wait = quickestSeenDone(pairing.get().subscription());
        if (wait.isEmpty()) {
            return planned;
        }
        Instant due = pairing.get().putAt().plus(wait.get());
        Duration untilDue = Duration.between(clock.instant(), due);
        return untilDue.compareTo(planned) > 0 ? untilDue : planned;
    }

    /** The youngest age a recent pairing of the subscription was seen done at, once enough were. */
    Optional<Duration> quickestSeenDone(String subscription) {
        Deque<Sample> kept = samples.get(subscription);
        if (kept == null) {
            return Optional.empty();
        }
        Instant oldest = clock.instant().minus(REMEMBER_FOR);
        synchronized (kept) {
            kept.removeIf(s -> s.at().isBefore(oldest));
            if (kept.size() < MIN_SAMPLES) {
                return Optional.empty();
            }
            Duration shortest =
                    kept.stream().map(Sample::seenDoneAt).min(Duration::compareTo).orElseThrow();
            return Optional.of(shortest.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : shortest);
        }
    }

    private void addSample(String subscription, Duration seenDoneAt) {
        Deque<Sample> kept = samples.computeIfAbsent(subscription, s -> new ArrayDeque<>());
        synchronized (kept) {
            kept.addLast(new Sample(seenDoneAt, clock.instant()));
            while (kept.size() > MAX_SAMPLES) {
                kept.removeFirst();
            }
        }
    }
}
