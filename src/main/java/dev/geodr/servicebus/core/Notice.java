package dev.geodr.servicebus.core;

/** Something worth a Kubernetes Event beyond the action itself. */
public record Notice(boolean warning, String reason, String message) {

    public static Notice normal(String reason, String message) {
        return new Notice(false, reason, message);
    }

    public static Notice warning(String reason, String message) {
        return new Notice(true, reason, message);
    }
}
