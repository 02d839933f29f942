package dev.geodr.servicebus.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;

/** The last comparison of the settings Geo-DR does not replicate, primary against partner. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ParityStatus(
        @JsonPropertyDescription(
                        "When both namespaces' settings and role assignments were last read (RFC"
                                + " 3339, UTC); they are read again every geodr.parity.interval"
                                + " (default 30m), never while a failover is pending.")
                String checkedTime,
        @JsonPropertyDescription(
                        "Each setting in which the partner differs from the primary; empty when"
                                + " they match.")
                List<ParityDifference> differences,
        @JsonPropertyDescription(
                        "What could not be compared and why, e.g. role assignments without the"
                                + " Microsoft.Authorization/roleAssignments/read permission. Not"
                                + " fatal: pairing and failover go on.")
                List<String> problems) {}
