package dev.geodr.servicebus.simulator.state;

import java.util.regex.Pattern;

/**
 * Alias name rules: 1–50 characters (§2.11), letters/digits/hyphens, letter first, letter or digit
 * last (§2.7).
 */
public final class AliasNames {

    static final String RULE_TEXT =
            "The name can contain only letters, numbers, and hyphens; it must start with a "
                    + "letter, end with a letter or number, and be 1 to 50 characters long.";
    private static final Pattern VALID =
            Pattern.compile("^[A-Za-z]([A-Za-z0-9-]{0,48}[A-Za-z0-9])?$");

    private AliasNames() {}

    public static boolean isValid(String alias) {
        return alias != null && VALID.matcher(alias).matches();
    }
}
