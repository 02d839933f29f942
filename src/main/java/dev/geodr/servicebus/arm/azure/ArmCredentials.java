package dev.geodr.servicebus.arm.azure;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import com.azure.core.http.HttpClient;
import com.azure.identity.ClientSecretCredentialBuilder;
import com.azure.identity.DefaultAzureCredentialBuilder;
import com.azure.identity.WorkloadIdentityCredentialBuilder;
import dev.geodr.servicebus.arm.ArmErrorKind;
import dev.geodr.servicebus.arm.ArmException;
import dev.geodr.servicebus.arm.ArmIdentity;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import reactor.core.publisher.Mono;

/**
 * Turns an {@link ArmIdentity} into an azure-identity {@link TokenCredential}. Secrets are only
 * handed to azure-identity, never logged; errors name the identity by tenant and client id only.
 */
final class ArmCredentials {

    private final ArmEndpointSettings settings;
    private final HttpClient identityHttpClient;

    ArmCredentials(ArmEndpointSettings settings, HttpClient identityHttpClient) {
        this.settings = settings;
        this.identityHttpClient = identityHttpClient;
    }

    TokenCredential resolve(ArmIdentity identity) {
        if (settings.simulatorMode()) {
            return new StaticToken(
                    identity instanceof ArmIdentity.ServicePrincipal sp
                            ? "simulator-token-" + sp.clientId()
                            : "simulator-token-operator");
        }
        String authority = settings.resolvedAuthorityHost().toString();
        if (identity instanceof ArmIdentity.OperatorDefault) {
            // DefaultAzureCredential covers workload identity on AKS (AZURE_FEDERATED_TOKEN_FILE,
            // AZURE_CLIENT_ID,
            // AZURE_TENANT_ID), managed identity, environment variables and developer logins.
            DefaultAzureCredentialBuilder builder =
                    new DefaultAzureCredentialBuilder().authorityHost(authority);
            settings.tenantId().ifPresent(builder::tenantId);
            if (identityHttpClient != null) {
                builder.httpClient(identityHttpClient);
            }
            return builder.build();
        }
        ArmIdentity.ServicePrincipal sp = (ArmIdentity.ServicePrincipal) identity;
        requireText(sp.tenantId(), "tenantId");
        requireText(sp.clientId(), "clientId");
        Optional<String> tokenFile = sp.federatedTokenFile().filter(s -> !s.isBlank());
        Optional<String> secret = sp.clientSecret().filter(s -> !s.isBlank());
        if (tokenFile.isPresent()) {
            // preferred over a secret: a projected, short-lived token instead of a long-lived
            // password
            WorkloadIdentityCredentialBuilder builder =
                    new WorkloadIdentityCredentialBuilder()
                            .tenantId(sp.tenantId())
                            .clientId(sp.clientId())
                            .tokenFilePath(tokenFile.get())
                            .authorityHost(authority);
            if (identityHttpClient != null) {
                builder.httpClient(identityHttpClient);
            }
            return builder.build();
        }
        if (secret.isPresent()) {
            ClientSecretCredentialBuilder builder =
                    new ClientSecretCredentialBuilder()
                            .tenantId(sp.tenantId())
                            .clientId(sp.clientId())
                            .clientSecret(secret.get())
                            .authorityHost(authority);
            if (identityHttpClient != null) {
                builder.httpClient(identityHttpClient);
            }
            return builder.build();
        }
        throw invalid(
                "service principal "
                        + sp.clientId()
                        + " in tenant "
                        + sp.tenantId()
                        + " has neither a client secret nor a federated token file");
    }

    private static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw invalid("service principal credentials lack " + field);
        }
    }

    private static ArmException invalid(String message) {
        return new ArmException(ArmErrorKind.FATAL, 0, "InvalidCredentials", message, null, null);
    }

    /** The simulator accepts any bearer token; this one never expires in a test's lifetime. */
    static final class StaticToken implements TokenCredential {
        private final String token;

        StaticToken(String token) {
            this.token = token;
        }

        @Override
        public Mono<AccessToken> getToken(TokenRequestContext request) {
            return Mono.fromSupplier(this::getTokenNow);
        }

        @Override
        public AccessToken getTokenSync(TokenRequestContext request) {
            return getTokenNow();
        }

        private AccessToken getTokenNow() {
            return new AccessToken(token, OffsetDateTime.now(ZoneOffset.UTC).plusHours(1));
        }
    }
}
