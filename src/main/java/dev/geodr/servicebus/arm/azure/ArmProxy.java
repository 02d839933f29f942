package dev.geodr.servicebus.arm.azure;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The forward proxy that ARM and Azure AD calls go through, read from the conventional {@code
 * HTTPS_PROXY} and {@code NO_PROXY} variables (AKS's HTTP proxy feature and most egress-controlled
 * clusters inject them into every pod). ARM and AAD are https only, so {@code HTTP_PROXY} is
 * deliberately not consulted, as curl and Go do.
 *
 * @param type {@code HTTP} (a CONNECT tunnel; the TLS to ARM stays end to end) or {@code SOCKS5}
 * @param bypass host patterns that connect directly, in Vert.x syntax ({@code *} matches any
 *     characters); always includes loopback (the embedded simulator) and the instance metadata
 *     address (managed identity)
 * @param unmatchedNoProxy NO_PROXY entries (CIDR ranges) that no host pattern can express, for a
 *     startup warning
 */
public record ArmProxy(
        Type type,
        String host,
        int port,
        Optional<String> username,
        Optional<String> password,
        List<String> bypass,
        List<String> unmatchedNoProxy) {

    public enum Type {
        HTTP,
        SOCKS5
    }

    /**
     * Never proxied, whatever NO_PROXY says: loopback cannot be reached through a proxy (Go's
     * net/http skips it the same way), and the instance metadata endpoint that managed identity
     * calls is link-local.
     */
    static final List<String> ALWAYS_DIRECT =
            List.of("localhost", "127.0.0.1", "::1", "169.254.169.254");

    public ArmProxy {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("proxy port must be 1..65535, got " + port);
        }
        bypass = List.copyOf(bypass);
        unmatchedNoProxy = List.copyOf(unmatchedNoProxy);
    }

    /** NO_PROXY split into what Vert.x can match and what it cannot. */
    record NoProxy(List<String> patterns, List<String> unmatched) {}

    /**
     * The proxy described by {@code env}, or empty when {@code HTTPS_PROXY} (or {@code
     * https_proxy}) is unset or blank, or when {@code NO_PROXY} is {@code *}.
     *
     * @throws IllegalArgumentException naming the variable (never echoing its value, which may hold
     *     a password)
     */
    public static Optional<ArmProxy> fromEnvironment(Map<String, String> env) {
        String variable = firstSet(env, "HTTPS_PROXY", "https_proxy");
        if (variable == null) {
            return Optional.empty();
        }
        String noProxyVariable = firstSet(env, "NO_PROXY", "no_proxy");
        String noProxy = noProxyVariable == null ? "" : env.get(noProxyVariable);
        NoProxy bypass = parseNoProxy(noProxy);
        if (bypass.patterns().contains("*")) {
            return Optional.empty();
        }
        return Optional.of(parse(variable, env.get(variable).trim(), bypass));
    }

    private static ArmProxy parse(String variable, String value, NoProxy bypass) {
        // a bare "host:port" is common in the wild and means plain HTTP, as in curl and Go
        String withScheme = value.contains("://") ? value : "http://" + value;
        URI uri;
        try {
            uri = new URI(withScheme);
        } catch (URISyntaxException e) {
            throw invalid(variable, "it is not a URL");
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        Type type =
                switch (scheme) {
                    case "http" -> Type.HTTP;
                    case "socks5", "socks5h" -> Type.SOCKS5;
                    case "https" ->
                            throw invalid(
                                    variable,
                                    "TLS to the proxy itself (https://) is not supported; use http:// (the tunnelled ARM traffic is still TLS)");
                    default ->
                            throw invalid(
                                    variable, "scheme '" + scheme + "' is not http or socks5");
                };
        if (uri.getHost() == null) {
            throw invalid(variable, "it has no host");
        }
        int port = uri.getPort() != -1 ? uri.getPort() : type == Type.HTTP ? 80 : 1080;
        Optional<String> username = Optional.empty();
        Optional<String> password = Optional.empty();
        String userInfo = uri.getRawUserInfo();
        if (userInfo != null && !userInfo.isEmpty()) {
            int colon = userInfo.indexOf(':');
            username = Optional.of(decode(colon < 0 ? userInfo : userInfo.substring(0, colon)));
            password =
                    colon < 0
                            ? Optional.empty()
                            : Optional.of(decode(userInfo.substring(colon + 1)));
        }
        return new ArmProxy(
                type,
                uri.getHost(),
                port,
                username,
                password,
                bypass.patterns(),
                bypass.unmatched());
    }

    /**
     * NO_PROXY entries as Vert.x patterns. {@code example.com} covers the domain and its
     * subdomains, {@code .example.com} and {@code *.example.com} only subdomains; ports are dropped
     * (Vert.x matches host names only). CIDR ranges cannot be expressed and go to {@code
     * unmatched}: ARM and AAD are reached by name.
     */
    static NoProxy parseNoProxy(String noProxy) {
        Set<String> patterns = new LinkedHashSet<>(ALWAYS_DIRECT);
        List<String> unmatched = new ArrayList<>();
        for (String raw : noProxy.split(",")) {
            String entry = stripPort(raw.trim().toLowerCase(Locale.ROOT));
            if (entry.contains("/")) {
                unmatched.add(raw.trim());
                continue;
            }
            if (entry.isEmpty()) {
                continue;
            }
            if (entry.equals("*")) {
                patterns.add("*");
            } else if (entry.startsWith("*.")) {
                patterns.add(entry);
            } else if (entry.startsWith(".")) {
                patterns.add("*" + entry);
            } else {
                patterns.add(entry);
                if (!isIpLiteral(entry)) {
                    patterns.add("*." + entry);
                }
            }
        }
        return new NoProxy(List.copyOf(patterns), unmatched);
    }

    private static String stripPort(String entry) {
        if (entry.startsWith("[")) {
            int close = entry.indexOf(']');
            return close < 0 ? entry : entry.substring(1, close);
        }
        int colon = entry.indexOf(':');
        // one colon is host:port; more is a bare IPv6 literal
        return colon >= 0 && colon == entry.lastIndexOf(':') ? entry.substring(0, colon) : entry;
    }

    private static boolean isIpLiteral(String host) {
        return host.contains(":") || host.matches("[0-9.]+");
    }

    private static String firstSet(Map<String, String> env, String... names) {
        for (String name : names) {
            String value = env.get(name);
            if (value != null && !value.isBlank()) {
                return name;
            }
        }
        return null;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static IllegalArgumentException invalid(String variable, String why) {
        // the value is not echoed: it may carry a proxy password
        return new IllegalArgumentException(
                variable
                        + " is not a usable proxy URL (expected "
                        + "http://[user:password@]host[:port] or socks5://...): "
                        + why);
    }

    /** For logs: where the proxy is and what bypasses it; the credentials are never shown. */
    @Override
    public String toString() {
        return "ArmProxy["
                + type.name().toLowerCase(Locale.ROOT)
                + "://"
                + host
                + ":"
                + port
                + (username.isPresent() ? " (with credentials)" : "")
                + ", bypass="
                + bypass
                + "]";
    }
}
