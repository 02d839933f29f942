package dev.geodr.servicebus.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/**
 * The promotion ledger: what was handled, what is running, how the last one ended. The same shape
 * as a ServiceBusGeoPairing's {@code status.failover}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PromotionStatus(
        @JsonPropertyDescription(
                        "The spec.promotionRequested value last acted on. On first sight the"
                                + " operator adopts the current spec value here without promoting; a"
                                + " promotion is requested whenever spec.promotionRequested is greater.")
                Long lastHandledRequest,
        @JsonPropertyDescription("The promotion being carried out; present only while one runs.")
                PromotionInFlight inFlight,
        @JsonPropertyDescription("How the most recent promotion request ended.")
                PromotionResult last) {}
