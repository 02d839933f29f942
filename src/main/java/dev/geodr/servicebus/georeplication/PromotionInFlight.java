package dev.geodr.servicebus.georeplication;

import java.time.Instant;
import java.util.Optional;

/**
 * The promotion request being served.
 *
 * @param from the region that was primary when the request was taken
 * @param to the region being promoted
 * @param operationUrl ARM's Azure-AsyncOperation URL once the POST was accepted: after a restart
 *     the operator polls it instead of posting again
 * @param forcedIntended a forced POST was intended for this request (taken as Forced, or a running
 *     Planned one escalated): at most one is ever sent per request
 * @param startedAt when the request was taken; the Planned timeout counts from here
 * @param phaseSince when the current phase began; the Accepted timeout counts from here
 */
public record PromotionInFlight(
        long request,
        PromotionMode mode,
        String from,
        String to,
        PromotionPhase phase,
        Optional<String> operationUrl,
        boolean forcedIntended,
        Instant startedAt,
        Instant phaseSince) {

    static PromotionInFlight taken(
            long request, PromotionMode mode, String from, String to, Instant now) {
        return new PromotionInFlight(
                request, mode, from, to, PromotionPhase.Waiting, Optional.empty(), false, now, now);
    }

    /** Just before a POST: forced or not, with the mode it is sent in. */
    PromotionInFlight intending(PromotionMode sentMode, Instant now) {
        return new PromotionInFlight(
                request,
                sentMode,
                from,
                to,
                PromotionPhase.Intended,
                operationUrl,
                forcedIntended || sentMode == PromotionMode.Forced,
                startedAt,
                now);
    }

    /** ARM accepted the POST and named its operation. */
    PromotionInFlight accepted(String url, Instant now) {
        return new PromotionInFlight(
                request,
                mode,
                from,
                to,
                PromotionPhase.Accepted,
                Optional.of(url),
                forcedIntended,
                startedAt,
                now);
    }
}
