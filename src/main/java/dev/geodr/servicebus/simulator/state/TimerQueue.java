package dev.geodr.servicebus.simulator.state;

import java.util.PriorityQueue;

/**
 * Scheduled completions of Geo-DR transitions, ordered by virtual due time (then by scheduling
 * order so that equal times resolve deterministically). Evaluated lazily: nothing runs in the
 * background; every request first applies what has become due, so GET is what makes transitions
 * visible (§9.4).
 */
final class TimerQueue {

    enum Kind {
        PAIR_DONE,
        BREAK_PHASE1_DONE,
        BREAK_DONE,
        FAILOVER_DONE,
        DELETE_DONE
    }

    record Event(long dueAt, long seq, Kind kind, String nsKey, long epoch) {}

    private final PriorityQueue<Event> queue =
            new PriorityQueue<>(
                    (a, b) ->
                            a.dueAt != b.dueAt
                                    ? Long.compare(a.dueAt, b.dueAt)
                                    : Long.compare(a.seq, b.seq));
    private long seq;

    void schedule(long dueAt, Kind kind, String nsKey, long epoch) {
        queue.add(new Event(dueAt, seq++, kind, nsKey, epoch));
    }

    /** The next event due at or before {@code now}, or null. */
    Event pollDue(long now) {
        Event head = queue.peek();
        if (head == null || head.dueAt > now) {
            return null;
        }
        return queue.poll();
    }

    int size() {
        return queue.size();
    }

    void clear() {
        queue.clear();
    }
}
