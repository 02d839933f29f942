package dev.geodr.servicebus.arm.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import com.azure.core.credential.TokenRequestContext;
import com.azure.identity.ClientSecretCredential;
import com.azure.identity.DefaultAzureCredential;
import com.azure.identity.WorkloadIdentityCredential;
import dev.geodr.servicebus.arm.ArmErrorKind;
import dev.geodr.servicebus.arm.ArmException;
import dev.geodr.servicebus.arm.ArmIdentity;
import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ArmCredentialsTest {

    private static final ArmIdentity.ServicePrincipal WITH_SECRET =
            new ArmIdentity.ServicePrincipal(
                    "tenant-1", "client-1", Optional.of("s3cr3t-value"), Optional.empty());

    private final ArmCredentials azure =
            new ArmCredentials(
                    ArmEndpointSettings.builder().cloud("AzureChinaCloud").build(), null);

    @Test
    void operatorIdentityIsDefaultAzureCredential() {
        assertThat(azure.resolve(new ArmIdentity.OperatorDefault()))
                .isInstanceOf(DefaultAzureCredential.class);
    }

    @Test
    void servicePrincipalWithSecretIsClientSecretCredential() {
        assertThat(azure.resolve(WITH_SECRET)).isInstanceOf(ClientSecretCredential.class);
    }

    @Test
    void federatedTokenFileWinsOverASecret() {
        ArmIdentity.ServicePrincipal sp =
                new ArmIdentity.ServicePrincipal(
                        "tenant-1",
                        "client-1",
                        Optional.of("s"),
                        Optional.of("/var/run/secrets/azure/tokens/azure-identity-token"));
        assertThat(azure.resolve(sp)).isInstanceOf(WorkloadIdentityCredential.class);
    }

    @Test
    void servicePrincipalWithoutAnyCredentialIsFatalAndLeaksNothing() {
        ArmIdentity.ServicePrincipal sp =
                new ArmIdentity.ServicePrincipal(
                        "tenant-1", "client-1", Optional.of(" "), Optional.empty());
        assertThatThrownBy(() -> azure.resolve(sp))
                .asInstanceOf(type(ArmException.class))
                .satisfies(
                        e -> {
                            assertThat(e.kind()).isEqualTo(ArmErrorKind.FATAL);
                            assertThat(e.code()).isEqualTo("InvalidCredentials");
                            assertThat(e.getMessage()).contains("client-1");
                        });
        assertThat(WITH_SECRET.toString()).doesNotContain("s3cr3t-value");
    }

    @Test
    void simulatorModeNeverTalksToAzureAd() {
        ArmCredentials sim =
                new ArmCredentials(
                        ArmEndpointSettings.forSimulator(URI.create("https://127.0.0.1:1/"), null),
                        null);
        TokenRequestContext ctx =
                new TokenRequestContext()
                        .addScopes("https://management.core.windows.net//.default");
        assertThat(sim.resolve(new ArmIdentity.OperatorDefault()).getTokenSync(ctx).getToken())
                .isEqualTo("simulator-token-operator");
        assertThat(sim.resolve(WITH_SECRET).getToken(ctx).block().getToken())
                .isEqualTo("simulator-token-client-1");
    }
}
