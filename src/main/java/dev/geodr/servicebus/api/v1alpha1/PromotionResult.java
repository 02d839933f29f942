package dev.geodr.servicebus.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** How the most recent promotion request ended. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PromotionResult(
        @JsonPropertyDescription("The spec.promotionRequested value it served.") Long request,
        @JsonPropertyDescription("The mode of its last POST: Planned or Forced.")
                PromotionMode mode,
        @JsonPropertyDescription(
                        "Succeeded: the target region is primary. Failed: ARM took it but it did"
                                + " not complete (or it may not have reached ARM). Rejected: nothing"
                                + " was sent or ARM refused it. None is retried: increase"
                                + " spec.promotionRequested to try again.")
                PromotionOutcome outcome,
        @JsonPropertyDescription("What happened, in words.") String message,
        @JsonPropertyDescription("When it ended (RFC 3339, UTC).") String finishedAt) {}
