package dev.geodr.servicebus.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.Objects;

/** How the last failover request ended. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class FailoverResult {

    @JsonPropertyDescription("The spec.failoverRequested value this result belongs to.")
    private Long request;

    @JsonPropertyDescription(
            "Succeeded: the alias now lives on the former partner. Failed: the failover did not complete "
                    + "(e.g. a Safe failover still had pending replication when the timeout expired, or ARM refused it). Rejected: "
                    + "there was nothing to fail over (e.g. not paired, partner missing); the request is marked handled and not retried.")
    private FailoverOutcome outcome;

    @JsonPropertyDescription("The spec.failoverMode used: Safe or Forced.")
    private FailoverMode mode;

    @JsonPropertyDescription("Full ARM id of the namespace the alias was failed over from.")
    private String from;

    @JsonPropertyDescription("Full ARM id of the namespace the alias was failed over to.")
    private String to;

    @JsonPropertyDescription("When the operator started acting on the request (RFC 3339, UTC).")
    private String startedAt;

    @JsonPropertyDescription("When the operator saw the request end (RFC 3339, UTC).")
    private String completedAt;

    @JsonPropertyDescription(
            "Human-readable explanation of the outcome, without request or correlation ids.")
    private String message;

    public FailoverResult() {}

    public Long getRequest() {
        return request;
    }

    public void setRequest(Long request) {
        this.request = request;
    }

    public FailoverOutcome getOutcome() {
        return outcome;
    }

    public void setOutcome(FailoverOutcome outcome) {
        this.outcome = outcome;
    }

    public FailoverMode getMode() {
        return mode;
    }

    public void setMode(FailoverMode mode) {
        this.mode = mode;
    }

    public String getFrom() {
        return from;
    }

    public void setFrom(String from) {
        this.from = from;
    }

    public String getTo() {
        return to;
    }

    public void setTo(String to) {
        this.to = to;
    }

    public String getStartedAt() {
        return startedAt;
    }

    public void setStartedAt(String startedAt) {
        this.startedAt = startedAt;
    }

    public String getCompletedAt() {
        return completedAt;
    }

    public void setCompletedAt(String completedAt) {
        this.completedAt = completedAt;
    }

    public String getMessage() {
        return message;
    }

    public void setMessage(String message) {
        this.message = message;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FailoverResult other
                && Objects.equals(request, other.request)
                && outcome == other.outcome
                && mode == other.mode
                && Objects.equals(from, other.from)
                && Objects.equals(to, other.to)
                && Objects.equals(startedAt, other.startedAt)
                && Objects.equals(completedAt, other.completedAt)
                && Objects.equals(message, other.message);
    }

    @Override
    public int hashCode() {
        return Objects.hash(request, outcome, mode, from, to, startedAt, completedAt, message);
    }

    @Override
    public String toString() {
        return "FailoverResult{request="
                + request
                + ", outcome="
                + outcome
                + ", mode="
                + mode
                + ", from="
                + from
                + ", to="
                + to
                + ", startedAt="
                + startedAt
                + ", completedAt="
                + completedAt
                + ", message="
                + message
                + "}";
    }
}
