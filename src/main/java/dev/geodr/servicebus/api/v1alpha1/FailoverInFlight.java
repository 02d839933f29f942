package dev.geodr.servicebus.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.Objects;

/**
 * The failover being carried out; written before the failover POST so a restart can tell whether it
 * was sent.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class FailoverInFlight {

    @JsonPropertyDescription("The spec.failoverRequested value this failover serves.")
    private Long request;

    @JsonPropertyDescription("The spec.failoverMode used for this failover: Safe or Forced.")
    private FailoverMode mode;

    @JsonPropertyDescription(
            "Full ARM id of the namespace the alias is failed over from (the primary at the time).")
    private String from;

    @JsonPropertyDescription(
            "Full ARM id of the namespace the alias is failed over to; the failover POST is sent to this "
                    + "namespace (the partner).")
    private String to;

    @JsonPropertyDescription(
            "Waiting: a Safe request waits for zero pending replication (or for the partner to "
                    + "answer); nothing was sent yet and it fails after geodr.failover.safe-timeout. Intended: recorded before the failover POST; after a restart the operator decides from what ARM "
                    + "shows whether the POST was applied, and sends it only if it was not. Issued: ARM accepted the POST; the "
                    + "operator waits for the partner to hold the alias as PrimaryNotReplicating.")
    private FailoverPhase phase;

    @JsonPropertyDescription("When the operator started acting on this request (RFC 3339, UTC).")
    private String startedAt;

    @JsonPropertyDescription(
            "When the current phase began (RFC 3339, UTC); an Issued failover that shows no progress "
                    + "for geodr.failover.issued-timeout is reported Failed.")
    private String phaseSince;

    public FailoverInFlight() {}

    public Long getRequest() {
        return request;
    }

    public void setRequest(Long request) {
        this.request = request;
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

    public FailoverPhase getPhase() {
        return phase;
    }

    public void setPhase(FailoverPhase phase) {
        this.phase = phase;
    }

    public String getStartedAt() {
        return startedAt;
    }

    public void setStartedAt(String startedAt) {
        this.startedAt = startedAt;
    }

    public String getPhaseSince() {
        return phaseSince;
    }

    public void setPhaseSince(String phaseSince) {
        this.phaseSince = phaseSince;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FailoverInFlight other
                && Objects.equals(request, other.request)
                && mode == other.mode
                && Objects.equals(from, other.from)
                && Objects.equals(to, other.to)
                && phase == other.phase
                && Objects.equals(startedAt, other.startedAt)
                && Objects.equals(phaseSince, other.phaseSince);
    }

    @Override
    public int hashCode() {
        return Objects.hash(request, mode, from, to, phase, startedAt, phaseSince);
    }

    @Override
    public String toString() {
        return "FailoverInFlight{request="
                + request
                + ", mode="
                + mode
                + ", from="
                + from
                + ", to="
                + to
                + ", phase="
                + phase
                + ", startedAt="
                + startedAt
                + "}";
    }
}
