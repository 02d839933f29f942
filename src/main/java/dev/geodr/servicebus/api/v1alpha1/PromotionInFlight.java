package dev.geodr.servicebus.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/**
 * The promotion being carried out; written before the POST so a restart can tell whether it was
 * sent, and with ARM's operation URL once accepted so a restart polls it instead of posting again.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PromotionInFlight(
        @JsonPropertyDescription("The spec.promotionRequested value this promotion serves.")
                Long request,
        @JsonPropertyDescription(
                        "The mode of the POST that is (or will be) sent: Planned or Forced.")
                PromotionMode mode,
        @JsonPropertyDescription("The region that was primary when the request was taken.")
                String from,
        @JsonPropertyDescription("The region being promoted to primary.") String to,
        @JsonPropertyDescription(
                        "Waiting: a Planned request waits until the namespace is settled with a"
                                + " replica in the target region; nothing was sent. Intended: recorded"
                                + " just before the POST; after a restart the namespace's roles decide"
                                + " whether ARM took it. Accepted: ARM answered 202 and operationUrl is"
                                + " polled with its Retry-After.")
                PromotionPhase phase,
        @JsonPropertyDescription(
                        "ARM's Azure-AsyncOperation URL of the accepted promotion. Only a URL on"
                                + " the configured ARM endpoint is ever polled.")
                String operationUrl,
        @JsonPropertyDescription(
                        "True once a forced POST was intended for this request (taken as Forced,"
                                + " or escalated): at most one is sent per request.")
                Boolean forcedIntended,
        @JsonPropertyDescription("When the operator took this request (RFC 3339, UTC).")
                String startedAt,
        @JsonPropertyDescription("When the current phase began (RFC 3339, UTC).")
                String phaseSince) {}
