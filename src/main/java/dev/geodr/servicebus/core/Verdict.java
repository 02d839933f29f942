package dev.geodr.servicebus.core;

/**
 * A planner's judgement for the conditions, in every kind. Messages are deterministic (no ids, no
 * timestamps) so an unchanged situation writes no new status.
 */
public record Verdict(Health health, String reason, String message) {

    public static Verdict ready(String reason, String message) {
        return new Verdict(Health.READY, reason, message);
    }

    public static Verdict progressing(String reason, String message) {
        return new Verdict(Health.PROGRESSING, reason, message);
    }

    public static Verdict stalled(String reason, String message) {
        return new Verdict(Health.STALLED, reason, message);
    }
}
