package dev.geodr.servicebus.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** The namespace update (replica added or removed, lag changed) the operator sent and follows. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReplicaOperationStatus(
        @JsonPropertyDescription(
                        "ARM's Azure-AsyncOperation URL of the update. While it runs the namespace"
                                + " counts as updating, whatever its provisioningState says; only a URL"
                                + " on the configured ARM endpoint is ever polled.")
                String operationUrl,
        @JsonPropertyDescription("When the operator sent the update (RFC 3339, UTC).")
                String startedAt) {}
