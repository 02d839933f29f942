package dev.geodr.servicebus.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** One replica of the namespace as ARM last reported it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReplicaStatus(
        @JsonPropertyDescription("The replica's region, as ARM writes it.") String location,
        @JsonPropertyDescription("Primary or Secondary, as ARM reports it.") String role,
        @JsonPropertyDescription(
                        "ARM's replicaState when it reports one (e.g. Ready); absent when ARM sends"
                                + " none. Shown only: the operator decides from roles and"
                                + " provisioningState.")
                String state) {}
