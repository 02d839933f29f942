package dev.geodr.servicebus.georeplication;

import java.util.Optional;

/**
 * What status remembers about promotion requests between passes: the only state that must survive a
 * restart, because it is what makes a promotion happen exactly once.
 *
 * @param lastHandledRequest the {@code spec.promotionRequested} value last acted on (or adopted)
 */
public record PromotionLedger(
        long lastHandledRequest,
        Optional<PromotionInFlight> inFlight,
        Optional<PromotionResult> last) {

    /** First sight: whatever was requested before counts as handled. */
    public static PromotionLedger adopted(long request) {
        return new PromotionLedger(request, Optional.empty(), Optional.empty());
    }

    PromotionLedger withInFlight(PromotionInFlight next) {
        return new PromotionLedger(lastHandledRequest, Optional.of(next), last);
    }

    /** The request is finished: it becomes the last handled one and nothing is in flight. */
    PromotionLedger finished(PromotionResult result) {
        return new PromotionLedger(
                Math.max(lastHandledRequest, result.request()),
                Optional.empty(),
                Optional.of(result));
    }
}
