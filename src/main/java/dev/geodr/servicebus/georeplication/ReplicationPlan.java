package dev.geodr.servicebus.georeplication;

import dev.geodr.servicebus.core.Notice;
import dev.geodr.servicebus.core.Requeue;
import dev.geodr.servicebus.core.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One pass's decision.
 *
 * @param ledger the promotion ledger once the action succeeded
 * @param intent the ledger to write to status before the action (a promotion POST), so that a crash
 *     between the two leaves the intent for the next pass to judge
 */
public record ReplicationPlan(
        ReplicationAction action,
        PromotionLedger ledger,
        Optional<PromotionLedger> intent,
        Verdict verdict,
        Readiness readiness,
        Requeue requeue,
        List<Notice> notices) {

    public ReplicationPlan {
        notices = List.copyOf(notices);
    }

    static ReplicationPlan waitFor(
            PromotionLedger ledger, Verdict verdict, Readiness readiness, Requeue requeue) {
        return new ReplicationPlan(
                new ReplicationAction.None(),
                ledger,
                Optional.empty(),
                verdict,
                readiness,
                requeue,
                List.of());
    }

    static ReplicationPlan act(
            ReplicationAction action,
            PromotionLedger ledger,
            Verdict verdict,
            Readiness readiness,
            Requeue requeue) {
        return new ReplicationPlan(
                action, ledger, Optional.empty(), verdict, readiness, requeue, List.of());
    }

    ReplicationPlan withIntent(PromotionLedger written) {
        return new ReplicationPlan(
                action, ledger, Optional.of(written), verdict, readiness, requeue, notices);
    }

    ReplicationPlan withNotice(Notice notice) {
        List<Notice> more = new ArrayList<>(notices);
        more.add(notice);
        return new ReplicationPlan(action, ledger, intent, verdict, readiness, requeue, more);
    }
}
