package dev.geodr.servicebus.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.Objects;

/** The operator's failover memory: what was handled, what is running, how the last one ended. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class FailoverStatus {

    @JsonPropertyDescription(
            "The spec.failoverRequested value last acted on. On first sight of a ServiceBusGeoPairing the "
                    + "operator adopts the current spec value here without failing over; a failover is requested whenever "
                    + "spec.failoverRequested is greater than this value.")
    private Long lastHandledRequest;

    @JsonPropertyDescription("The failover being carried out; present only while one is running.")
    private FailoverInFlight inFlight;

    @JsonPropertyDescription("How the most recent failover request ended.")
    private FailoverResult last;

    public FailoverStatus() {}

    public Long getLastHandledRequest() {
        return lastHandledRequest;
    }

    public void setLastHandledRequest(Long lastHandledRequest) {
        this.lastHandledRequest = lastHandledRequest;
    }

    public FailoverInFlight getInFlight() {
        return inFlight;
    }

    public void setInFlight(FailoverInFlight inFlight) {
        this.inFlight = inFlight;
    }

    public FailoverResult getLast() {
        return last;
    }

    public void setLast(FailoverResult last) {
        this.last = last;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FailoverStatus other
                && Objects.equals(lastHandledRequest, other.lastHandledRequest)
                && Objects.equals(inFlight, other.inFlight)
                && Objects.equals(last, other.last);
    }

    @Override
    public int hashCode() {
        return Objects.hash(lastHandledRequest, inFlight, last);
    }

    @Override
    public String toString() {
        return "FailoverStatus{lastHandledRequest="
                + lastHandledRequest
                + ", inFlight="
                + inFlight
                + ", last="
                + last
                + "}";
    }
}
