package dev.geodr.servicebus.arm.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ArmProxyTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                // HTTPS_PROXY                          | type   | host             | port | user
                // | password
                "http://proxy.corp:3128                 | HTTP   | proxy.corp       | 3128 |        |",
                "proxy.corp:3128                        | HTTP   | proxy.corp       | 3128 |        |",
                "http://proxy.corp                      | HTTP   | proxy.corp       | 80   |        |",
                "HTTP://10.0.0.5:8080/                  | HTTP   | 10.0.0.5         | 8080 |        |",
                "http://svc%40corp:p%3Ass+w@proxy:3128  | HTTP   | proxy            | 3128 | svc@corp | p:ss+w",
                "http://justuser@proxy:3128             | HTTP   | proxy            | 3128 | justuser |",
                "socks5://socks.corp                    | SOCKS5 | socks.corp       | 1080 |        |",
                "socks5h://socks.corp:9050              | SOCKS5 | socks.corp       | 9050 |        |"
            })
    void readsHttpsProxy(
            String value, ArmProxy.Type type, String host, int port, String user, String password) {
        ArmProxy proxy = ArmProxy.fromEnvironment(Map.of("HTTPS_PROXY", value)).orElseThrow();

        assertThat(proxy.type()).isEqualTo(type);
        assertThat(proxy.host()).isEqualTo(host);
        assertThat(proxy.port()).isEqualTo(port);
        assertThat(proxy.username()).isEqualTo(Optional.ofNullable(user));
        assertThat(proxy.password()).isEqualTo(Optional.ofNullable(password));
    }

    @Test
    void noVariableOrAStarNoProxyMeansDirect() {
        assertThat(ArmProxy.fromEnvironment(Map.of())).isEmpty();
        assertThat(ArmProxy.fromEnvironment(Map.of("HTTPS_PROXY", "  "))).isEmpty();
        // plain-http proxies do not apply: ARM and Azure AD are https only
        assertThat(ArmProxy.fromEnvironment(Map.of("HTTP_PROXY", "http://proxy:3128"))).isEmpty();
        assertThat(
                        ArmProxy.fromEnvironment(
                                Map.of(
                                        "HTTPS_PROXY",
                                        "http://proxy:3128",
                                        "NO_PROXY",
                                        "a.corp, *")))
                .isEmpty();
    }

    @Test
    void upperCaseWinsOverLowerCase() {
        ArmProxy proxy =
                ArmProxy.fromEnvironment(
                                Map.of(
                                        "HTTPS_PROXY",
                                        "http://upper:1",
                                        "https_proxy",
                                        "http://lower:2",
                                        "NO_PROXY",
                                        "upper.corp",
                                        "no_proxy",
                                        "lower.corp"))
                        .orElseThrow();
        assertThat(proxy.host()).isEqualTo("upper");
        assertThat(proxy.bypass()).contains("upper.corp").doesNotContain("lower.corp");

        assertThat(
                        ArmProxy.fromEnvironment(Map.of("https_proxy", "http://lower:2"))
                                .orElseThrow()
                                .host())
                .isEqualTo("lower");
    }

    @Test
    void noProxyBecomesHostPatternsAndAlwaysKeepsLoopbackAndMetadataDirect() {
        assertThat(
                        ArmProxy.parseNoProxy(
                                        " Corp.Example , .svc,*.cluster.local,10.0.0.0/8, kubernetes.default:443, 10.1.2.3, [fd00::1]:443, ,")
                                .patterns())
                .containsExactly(
                        "localhost",
                        "127.0.0.1",
                        "::1",
                        "169.254.169.254",
                        "corp.example",
                        "*.corp.example",
                        "*.svc",
                        "*.cluster.local",
                        "kubernetes.default",
                        "*.kubernetes.default",
                        "10.1.2.3",
                        "fd00::1");
        assertThat(ArmProxy.parseNoProxy("").patterns())
                .containsExactlyElementsOf(ArmProxy.ALWAYS_DIRECT);
    }

    @Test
    void cidrEntriesAreReportedAsIgnored() {
        assertThat(
                        ArmProxy.fromEnvironment(
                                        Map.of(
                                                "HTTPS_PROXY",
                                                "http://proxy:3128",
                                                "NO_PROXY",
                                                "10.0.0.0/8, .svc, fd00::/8"))
                                .orElseThrow()
                                .unmatchedNoProxy())
                .containsExactly("10.0.0.0/8", "fd00::/8");
        assertThat(
                        ArmProxy.fromEnvironment(Map.of("HTTPS_PROXY", "http://proxy:3128"))
                                .orElseThrow()
                                .unmatchedNoProxy())
                .isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "https://user:secret@proxy:3128 | TLS to the proxy itself",
                "ftp://user:secret@proxy:21     | scheme 'ftp' is not http or socks5",
                "http://user:secret@:3128       | it has no host",
                "http://user:secret@proxy:3128 x| it is not a URL"
            })
    void anUnusableValueNamesTheVariableButNeverEchoesIt(String value, String why) {
        assertThatThrownBy(() -> ArmProxy.fromEnvironment(Map.of("HTTPS_PROXY", value)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("HTTPS_PROXY is not a usable proxy URL")
                .hasMessageContaining(why)
                .hasMessageNotContaining("secret");
    }

    @Test
    void toStringHidesTheCredentials() {
        ArmProxy proxy =
                ArmProxy.fromEnvironment(Map.of("HTTPS_PROXY", "http://svc:hunter2@proxy:3128"))
                        .orElseThrow();
        assertThat(proxy.toString())
                .contains("http://proxy:3128", "with credentials")
                .doesNotContain("hunter2")
                .doesNotContain("svc");
    }

    @Test
    void rejectsAnImpossiblePort() {
        assertThatThrownBy(
                        () ->
                                new ArmProxy(
                                        ArmProxy.Type.HTTP,
                                        "p",
                                        0,
                                        Optional.empty(),
                                        Optional.empty(),
                                        List.of(),
                                        List.of()))
                .hasMessageContaining("1..65535");
    }
}
