package dev.geodr.servicebus.arm;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The ARM resource providers whose namespaces share the Geo-DR and Geo-Replication shapes, and what
 * differs between them: a row per provider, so a third one is a new row. Facts from the REST specs
 * and the team's research (docs/georeplication.md).
 *
 * @param segment the provider namespace in an ARM id, as ARM spells it
 * @param geoDrSkus the SKUs that can hold a Geo-DR alias
 * @param geoReplicationSkus the SKUs that can be geo-replicated
 * @param safeFailover whether the Geo-DR failover takes {@code IsSafeFailover} (Event Hubs' takes
 *     no body)
 * @param nameCheckOperation the alias name check's last path segment, as the REST spec spells it
 */
public enum MessagingProvider {
    SERVICE_BUS(
            "Microsoft.ServiceBus",
            Set.of("Premium"),
            Set.of("Premium"),
            true,
            "CheckNameAvailability"),
    EVENT_HUBS(
            "Microsoft.EventHub",
            Set.of("Standard", "Premium", "Dedicated"),
            Set.of("Premium", "Dedicated"),
            false,
            "checkNameAvailability");

    private final String segment;
    private final Set<String> geoDrSkus;
    private final Set<String> geoReplicationSkus;
    private final boolean safeFailover;
    private final String nameCheckOperation;

    MessagingProvider(
            String segment,
            Set<String> geoDrSkus,
            Set<String> geoReplicationSkus,
            boolean safeFailover,
            String nameCheckOperation) {
        this.segment = segment;
        this.geoDrSkus = geoDrSkus;
        this.geoReplicationSkus = geoReplicationSkus;
        this.safeFailover = safeFailover;
        this.nameCheckOperation = nameCheckOperation;
    }

    public String segment() {
        return segment;
    }

    public Set<String> geoDrSkus() {
        return geoDrSkus;
    }

    public Set<String> geoReplicationSkus() {
        return geoReplicationSkus;
    }

    public boolean safeFailover() {
        return safeFailover;
    }

    public String nameCheckOperation() {
        return nameCheckOperation;
    }

    /** The provider an ARM id's provider segment names, ignoring case as ARM does. */
    public static Optional<MessagingProvider> ofSegment(String segment) {
        if (segment == null) {
            return Optional.empty();
        }
        String wanted = segment.toLowerCase(Locale.ROOT);
        for (MessagingProvider p : values()) {
            if (p.segment.toLowerCase(Locale.ROOT).equals(wanted)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
