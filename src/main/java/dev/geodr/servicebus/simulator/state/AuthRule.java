package dev.geodr.servicebus.simulator.state;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

/**
 * A namespace SAS rule. Keys are 32 random bytes in base64 (44 characters), as on the wire. {@link
 * #toString()} hides the keys so they never reach a log line.
 */
public record AuthRule(String name, List<String> rights, String primaryKey, String secondaryKey) {

    public static final String ROOT = "RootManageSharedAccessKey";
    private static final SecureRandom RANDOM = new SecureRandom();

    public AuthRule {
        rights = List.copyOf(rights);
    }

    public static AuthRule withRandomKeys(String name, List<String> rights) {
        return new AuthRule(name, rights, randomKey(), randomKey());
    }

    public static AuthRule root() {
        return withRandomKeys(ROOT, List.of("Listen", "Manage", "Send"));
    }

    static String randomKey() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getEncoder().encodeToString(b);
    }

    @Override
    public String toString() {
        return "AuthRule[" + name + " " + rights + "]";
    }
}
