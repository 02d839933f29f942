package dev.geodr.servicebus.arm.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.management.AzureEnvironment;
import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ArmEndpointSettingsTest {

    @Test
    void defaultsArePublicAzure() {
        ArmEndpointSettings s = ArmEndpointSettings.defaults();
        assertThat(s.cloud()).isEqualTo("AzureCloud");
        assertThat(s.resolvedArmEndpoint()).isEqualTo(URI.create("https://management.azure.com/"));
        assertThat(s.resolvedAuthorityHost())
                .isEqualTo(URI.create("https://login.microsoftonline.com/"));
        assertThat(s.simulatorMode()).isFalse();
        assertThat(s.connectTimeout()).hasSeconds(10);
        assertThat(s.responseTimeout()).hasSeconds(30);
        assertThat(s.rateLimits()).isEqualTo(RateLimitSettings.defaults());
        assertThat(AzureSdkArmPortFactory.environment(s)).isSameAs(AzureEnvironment.AZURE);
    }

    @ParameterizedTest
    @CsvSource({
        "AzureChinaCloud, https://management.chinacloudapi.cn/, https://login.chinacloudapi.cn/",
        "china, https://management.chinacloudapi.cn/, https://login.chinacloudapi.cn/",
        "AzureUSGovernment, https://management.usgovcloudapi.net/, https://login.microsoftonline.us/",
        "usgov, https://management.usgovcloudapi.net/, https://login.microsoftonline.us/",
        "AzurePublicCloud, https://management.azure.com/, https://login.microsoftonline.com/"
    })
    void cloudsPickTheirEndpoints(String cloud, String arm, String authority) {
        ArmEndpointSettings s = ArmEndpointSettings.builder().cloud(cloud).build();
        assertThat(s.resolvedArmEndpoint()).hasToString(arm);
        assertThat(s.resolvedAuthorityHost()).hasToString(authority);
        assertThat(AzureSdkArmPortFactory.environment(s).getResourceManagerEndpoint())
                .isEqualTo(arm);
    }

    @Test
    void aCustomEndpointCopiesTheCloudWithoutMutatingTheSdkConstant() {
        String before = AzureEnvironment.AZURE.getResourceManagerEndpoint();
        ArmEndpointSettings s =
                ArmEndpointSettings.forSimulator(
                        URI.create("https://127.0.0.1:8443"), Path.of("/tmp/c.pem"));
        AzureEnvironment env = AzureSdkArmPortFactory.environment(s);
        assertThat(env.getResourceManagerEndpoint()).isEqualTo("https://127.0.0.1:8443/");
        assertThat(env.getManagementEndpoint())
                .isEqualTo(AzureEnvironment.AZURE.getManagementEndpoint());
        assertThat(AzureEnvironment.AZURE.getResourceManagerEndpoint()).isEqualTo(before);
        assertThat(s.simulatorMode()).isTrue();
        assertThat(s.trustedCertificatePem()).contains(Path.of("/tmp/c.pem"));
    }

    @Test
    void metricsGoToTheArmEndpointUnlessConfigured() {
        ArmEndpointSettings sim =
                ArmEndpointSettings.builder()
                        .armEndpoint(URI.create("https://127.0.0.1:8443"))
                        .build();
        assertThat(sim.resolvedMetricsEndpoint()).isEqualTo(URI.create("https://127.0.0.1:8443/"));
        assertThat(ArmEndpointSettings.defaults().resolvedMetricsEndpoint())
                .isEqualTo(URI.create("https://management.azure.com/"));
        ArmEndpointSettings own =
                sim.toBuilder().metricsEndpoint(URI.create("https://metrics.example")).build();
        assertThat(own.resolvedMetricsEndpoint()).isEqualTo(URI.create("https://metrics.example/"));
        assertThat(own.toBuilder().build()).isEqualTo(own);
        assertThatThrownBy(
                        () ->
                                ArmEndpointSettings.builder()
                                        .metricsEndpoint(URI.create("http://metrics.example/"))
                                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("metrics endpoint must be an https URL");
    }

    @Test
    void refusesHttpBecauseTheSdkSendsTokensOnlyOverHttps() {
        assertThatThrownBy(
                        () ->
                                ArmEndpointSettings.builder()
                                        .armEndpoint(URI.create("http://127.0.0.1:8443/"))
                                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("https");
    }

    @Test
    void simulatorModeNeedsAnExplicitEndpoint() {
        assertThatThrownBy(() -> ArmEndpointSettings.builder().simulatorMode(true).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("simulator");
    }

    @Test
    void unknownCloudIsNamed() {
        assertThatThrownBy(() -> ArmEndpointSettings.builder().cloud("Mars").build())
                .hasMessageContaining("Mars")
                .hasMessageContaining("AzureChinaCloud");
    }
}
