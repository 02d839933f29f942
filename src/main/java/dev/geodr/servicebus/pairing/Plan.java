package dev.geodr.servicebus.pairing;

import dev.geodr.servicebus.arm.NamespaceRef;
import dev.geodr.servicebus.core.Notice;
import dev.geodr.servicebus.core.Requeue;
import dev.geodr.servicebus.core.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of one planning pass.
 *
 * @param action the at most one mutating step
 * @param intent when present, persist this memory to status BEFORE executing the action
 *     (write-ahead intent for a failover), so a crash between the two is recovered by observation
 * @param memory the failover memory to persist once the action succeeded (or when there is none)
 * @param verdict what the conditions say
 * @param requeue when to look again
 * @param active the namespace the alias resolves to now, when known
 * @param notices Events beyond the action itself
 */
public record Plan(
        Action action,
        Optional<FailoverMemory> intent,
        FailoverMemory memory,
        Verdict verdict,
        Requeue requeue,
        Optional<NamespaceRef> active,
        List<Notice> notices) {

    static Plan waitFor(
            FailoverMemory memory,
            Verdict verdict,
            Requeue requeue,
            Optional<NamespaceRef> active) {
        return new Plan(
                Action.none(), Optional.empty(), memory, verdict, requeue, active, List.of());
    }

    static Plan act(
            Action action,
            FailoverMemory memory,
            Verdict verdict,
            Requeue requeue,
            Optional<NamespaceRef> active) {
        return new Plan(action, Optional.empty(), memory, verdict, requeue, active, List.of());
    }

    Plan withNotice(Notice notice) {
        List<Notice> all = new ArrayList<>(notices);
        all.add(notice);
        return new Plan(action, intent, memory, verdict, requeue, active, List.copyOf(all));
    }

    Plan withIntent(FailoverMemory intentMemory) {
        return new Plan(
                action, Optional.of(intentMemory), memory, verdict, requeue, active, notices);
    }
}
