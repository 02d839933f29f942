package dev.geodr.servicebus.pairing;

import dev.geodr.servicebus.arm.NamespaceRef;
import java.time.Duration;

/** Deterministic text fragments shared by the rules' messages. */
final class Names {

    private Names() {}

    static String ns(NamespaceRef ref) {
        return ref == null ? "?" : ref.name();
    }

    /** "10m", "90s", "1h30m": a stable human form of a configured duration. */
    static String duration(Duration d) {
        long s = d.toSeconds();
        StringBuilder out = new StringBuilder();
        if (s >= 3600) {
            out.append(s / 3600).append('h');
            s %= 3600;
        }
        if (s >= 60) {
            out.append(s / 60).append('m');
            s %= 60;
        }
        if (s > 0 || out.isEmpty()) {
            out.append(s).append('s');
        }
        return out.toString();
    }
}
