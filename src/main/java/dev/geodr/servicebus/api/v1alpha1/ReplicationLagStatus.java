package dev.geodr.servicebus.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/**
 * The replication lag from Azure Monitor ({@code ReplicationLagDuration}); ARM does not report it
 * on the namespace.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReplicationLagStatus(
        @JsonPropertyDescription(
                        "The worst entity's lag, in seconds, at the metric's time stamp; absent when"
                                + " Azure Monitor refused the read (message says why). A pass that"
                                + " does not read the lag (an update of the operator's running, a"
                                + " failed read) keeps the last figure; asOf tells its age.")
                Long seconds,
        @JsonPropertyDescription("The queue or topic that has that lag, as Azure Monitor names it.")
                String entity,
        @JsonPropertyDescription(
                        "The time stamp of that data point (RFC 3339, UTC): how old the figure is.")
                String asOf,
        @JsonPropertyDescription(
                        "Why no figure is shown, e.g. the operator's identity lacks"
                                + " microsoft.insights/metrics/read; promotions work without it.")
                String message) {}
