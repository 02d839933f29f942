package dev.geodr.servicebus.simulator.state;

import java.util.List;
import java.util.Locale;

/**
 * The resource providers the simulator serves from the same state machines. Each is one row of
 * data: where it lives in ARM paths, the types its bodies carry, which SKUs its two DR models
 * accept and the few behaviours that differ (docs/simulator.md, "Event Hubs").
 */
public enum ArmProvider {
    SERVICE_BUS(
            "Microsoft.ServiceBus",
            List.of("Premium"),
            List.of("Premium"),
            true,
            "CheckNameAvailability",
            true),
    EVENT_HUBS(
            "Microsoft.EventHub",
            List.of("Standard", "Premium", "Dedicated"),
            List.of("Premium", "Dedicated"),
            false,
            "checkNameAvailability",
            false);

    /** The ARM provider segment, as Azure spells it. */
    private final String segment;

    private final List<String> geoDrSkus;
    private final List<String> geoReplicationSkus;

    /** Whether the alias failover reads {@code properties.IsSafeFailover} from its body. */
    private final boolean safeFailover;

    /** The name-check literal as the provider's REST spec spells it (both spellings route). */
    private final String checkNameSpelling;

    /** Whether Azure Monitor has the Geo-Replication lag metrics for this provider. */
    private final boolean lagMetrics;

    ArmProvider(
            String segment,
            List<String> geoDrSkus,
            List<String> geoReplicationSkus,
            boolean safeFailover,
            String checkNameSpelling,
            boolean lagMetrics) {
        this.segment = segment;
        this.geoDrSkus = geoDrSkus;
        this.geoReplicationSkus = geoReplicationSkus;
        this.safeFailover = safeFailover;
        this.checkNameSpelling = checkNameSpelling;
        this.lagMetrics = lagMetrics;
    }

    public String segment() {
        return segment;
    }

    /** {@code Microsoft.X/Namespaces}, the namespace body's type. */
    public String namespaceType() {
        return segment + "/Namespaces";
    }

    /** A child type in ARM's recorded casing, e.g. {@code Microsoft.EventHub/Namespaces/Queues}. */
    public String childType(String child) {
        return namespaceType() + "/" + child;
    }

    /** The alias type as real ARM sends it (both providers' recordings: lower-case child). */
    public String drType() {
        return childType("disasterrecoveryconfigs");
    }

    /** For Azure Monitor's {@code namespace} field: {@code Microsoft.X/namespaces}. */
    public String monitorNamespace() {
        return segment + "/namespaces";
    }

    public List<String> geoDrSkus() {
        return geoDrSkus;
    }

    public List<String> geoReplicationSkus() {
        return geoReplicationSkus;
    }

    public boolean geoDrSku(String sku) {
        return geoDrSkus.contains(sku);
    }

    public boolean geoReplicationSku(String sku) {
        return geoReplicationSkus.contains(sku);
    }

    public boolean safeFailover() {
        return safeFailover;
    }

    public String checkNameSpelling() {
        return checkNameSpelling;
    }

    public boolean lagMetrics() {
        return lagMetrics;
    }

    /** Both providers share the servicebus.windows.net zone (the EH listKeys example agrees). */
    public String hostSuffix() {
        return ".servicebus.windows.net";
    }

    /** The provider whose segment this is, case-insensitively (as ARM matches it); else null. */
    public static ArmProvider bySegment(String segment) {
        for (ArmProvider p : values()) {
            if (p.segment.toLowerCase(Locale.ROOT).equals(segment.toLowerCase(Locale.ROOT))) {
                return p;
            }
        }
        return null;
    }

    /** "Premium", "Premium or Dedicated", "Standard, Premium or Dedicated" (for messages). */
    public static String joinSkus(List<String> skus) {
        return skus.size() == 1
                ? skus.get(0)
                : String.join(", ", skus.subList(0, skus.size() - 1))
                        + " or "
                        + skus.get(skus.size() - 1);
    }

    /** The segments joined for a regex alternative, e.g. {@code Microsoft\.ServiceBus|...}. */
    public static String segmentRegex() {
        StringBuilder b = new StringBuilder();
        for (ArmProvider p : values()) {
            b.append(b.isEmpty() ? "" : "|").append(p.segment.replace(".", "\\."));
        }
        return "(" + b + ")";
    }
}
