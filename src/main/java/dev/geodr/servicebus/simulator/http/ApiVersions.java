package dev.geodr.servicebus.simulator.http;

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

    private ApiVersions() {}

    public static boolean isSupported(String version) {
        return version != null && LOWER.contains(version.toLowerCase(Locale.ROOT));
    }
}
