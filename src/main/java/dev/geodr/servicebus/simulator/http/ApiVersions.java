package dev.geodr.servicebus.simulator.http;

import dev.geodr.servicebus.simulator.state.GeoNamespaces;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The api-versions of docs/arm-semantics.md §2.2; all get the same wire shape, as the real service
 * does.
 */
public final class ApiVersions {

    public static final List<String> SUPPORTED =
            List.of(
                    "2017-04-01",
                    "2018-01-01-preview",
                    "2021-01-01-preview",
                    "2021-06-01-preview",
                    "2021-11-01",
                    "2022-01-01-preview",
                    "2022-10-01-preview",
                    "2023-01-01-preview",
                    "2024-01-01",
                    "2025-05-01-preview",
                    "2026-01-01",
                    "2026-07-01-preview");
    private static final Set<String> LOWER =
            SUPPORTED.stream()
                    .map(v -> v.toLowerCase(Locale.ROOT))
                    .collect(Collectors.toUnmodifiableSet());

    /**
     * Where Service Bus Geo-Replication exists: the spec folders with {@code geoDataReplication}
     * and the {@code force} failover body (2023-01-01-preview had another body and is left out).
     */
    public static final List<String> GEO_REPLICATION = GeoNamespaces.GEO_VERSIONS;

    /**
     * Azure Monitor metrics: 2018-01-01 is what azure-monitor-query's MetricsQueryClient sends by
     * default (MonitorManagementClientImplBuilder); the newer stable versions are accepted too.
     */
    public static final List<String> MONITOR = List.of("2018-01-01", "2023-10-01", "2024-02-01");

    /**
     * Microsoft.Authorization role assignments: 2022-04-01 (the current stable version) is what the
     * adapter sends; older stable and preview versions that other clients still use are accepted
     * too.
     */
    public static final List<String> AUTHORIZATION =
            List.of("2015-07-01", "2018-09-01-preview", "2020-04-01-preview", "2022-04-01");

    private ApiVersions() {}

    /**
     * The provider whose versions a path is checked against first: Azure Monitor's and
     * Authorization's differ from Service Bus's.
     */
    public static List<String> family(ArmRoute.Kind kind) {
        return switch (kind) {
            case METRICS -> MONITOR;
            case ROLE_ASSIGNMENTS -> AUTHORIZATION;
            default -> SUPPORTED;
        };
    }

    /** The versions a call is served at; every other call keeps the full Service Bus list. */
    public static List<String> supported(ArmRoute.Kind kind, String method) {
        return switch (kind) {
            case METRICS -> MONITOR;
            case ROLE_ASSIGNMENTS -> AUTHORIZATION;
            case NAMESPACE_FAILOVER, OPERATION_STATUS, OPERATION_RESULT -> GEO_REPLICATION;
            default -> SUPPORTED;
        };
    }

    /**
     * The methods a path allows at a version: before Geo-Replication, a namespace was GET only here
     * (the simulator never served namespace writes for Geo-DR).
     */
    public static List<String> methods(ArmRoute.Kind kind, String version) {
        if (kind == ArmRoute.Kind.NAMESPACE && !contains(GEO_REPLICATION, version)) {
            return List.of("GET");
        }
        return kind.methods();
    }

    public static boolean contains(List<String> versions, String version) {
        return version != null && versions.stream().anyMatch(v -> v.equalsIgnoreCase(version));
    }

    public static boolean isSupported(String version) {
        return version != null && LOWER.contains(version.toLowerCase(Locale.ROOT));
    }
}
