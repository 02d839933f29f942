package dev.geodr.servicebus.simulator.render;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Azure region names. ARM bodies carry the display name ("South Central US", §2.8), while people
 * and seed files usually write the short name ("southcentralus"); both are accepted.
 */
public final class Regions {

    private static final Map<String, String> DISPLAY = new HashMap<>();

    static {
        String[] names = {
            "East US",
            "East US 2",
            "South Central US",
            "West US 2",
            "West US 3",
            "Australia East",
            "Southeast Asia",
            "North Europe",
            "Sweden Central",
            "UK South",
            "West Europe",
            "Central US",
            "South Africa North",
            "Central India",
            "East Asia",
            "Japan East",
            "Korea Central",
            "Canada Central",
            "France Central",
            "Germany West Central",
            "Italy North",
            "Norway East",
            "Poland Central",
            "Switzerland North",
            "UAE North",
            "Brazil South",
            "Israel Central",
            "Qatar Central",
            "Mexico Central",
            "Spain Central",
            "New Zealand North",
            "North Central US",
            "West US",
            "West Central US",
            "Japan West",
            "Korea South",
            "Australia Southeast",
            "Australia Central",
            "Australia Central 2",
            "Canada East",
            "UK West",
            "France South",
            "Germany North",
            "Norway West",
            "Switzerland West",
            "Sweden South",
            "South India",
            "West India",
            "UAE Central",
            "Brazil Southeast",
            "South Africa West",
            "Jio India West",
            "Austria East",
            "Belgium Central",
            "Chile Central",
            "Indonesia Central",
            "Malaysia West"
        };
        for (String n : names) {
            DISPLAY.put(squash(n), n);
        }
    }

    private Regions() {}

    /**
     * "westeurope", "West Europe" and "west europe" all give "West Europe"; unknown names pass
     * through.
     */
    public static String displayName(String region) {
        String trimmed = region.trim();
        return DISPLAY.getOrDefault(squash(trimmed), trimmed);
    }

    /**
     * The short name ARM uses in {@code locationName} and URLs: "West Europe" and "westeurope" both
     * give "westeurope".
     */
    public static String shortName(String region) {
        return squash(displayName(region));
    }

    private static String squash(String s) {
        return s.replace(" ", "").toLowerCase(Locale.ROOT);
    }
}
