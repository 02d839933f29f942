package dev.geodr.servicebus.georeplication;

import java.util.Locale;

/**
 * ARM writes a region as "East US" in one place and "eastus" in another: both name the same
 * location.
 */
final class Locations {

    private Locations() {}

    static boolean same(String a, String b) {
        return a != null && b != null && normal(a).equals(normal(b));
    }

    static String normal(String location) {
        return location.replace(" ", "").toLowerCase(Locale.ROOT);
    }
}
