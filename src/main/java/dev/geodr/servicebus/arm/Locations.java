package dev.geodr.servicebus.arm;

import java.util.Locale;

/**
 * ARM writes a region as "East US" in one place and "eastus" in another: both name the same
 * location.
 */
public final class Locations {

    private Locations() {}

    public static boolean same(String a, String b) {
        return a != null && b != null && normal(a).equals(normal(b));
    }

    public static String normal(String location) {
        return location.replace(" ", "").toLowerCase(Locale.ROOT);
    }
}
