package dev.geodr.servicebus.georeplication;

/** The {@code PromotionReady} condition: would a Planned promotion start now, and why not. */
public record Readiness(boolean ready, String reason, String message) {

    static Readiness yes(String message) {
        return new Readiness(true, "Ready", message);
    }

    static Readiness no(String reason, String message) {
        return new Readiness(false, reason, message);
    }
}
