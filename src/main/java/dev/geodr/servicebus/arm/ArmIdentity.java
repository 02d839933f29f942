package dev.geodr.servicebus.arm;

import java.util.Optional;

/**
 * Whose identity an ARM call is made with. Secret material is redacted from each variant's {@code
 * toString()}.
 */
public sealed interface ArmIdentity {

    /**
     * The operator's own identity: DefaultAzureCredential (workload identity on AKS, env vars,
     * CLI...).
     */
    record OperatorDefault() implements ArmIdentity {}

    /**
     * A per-resource service principal from {@code spec.credentialsSecretRef}: either a client
     * secret or a federated token file must be present.
     */
    record ServicePrincipal(
            String tenantId,
            String clientId,
            Optional<String> clientSecret,
            Optional<String> federatedTokenFile)
            implements ArmIdentity {

        @Override
        public String toString() {
            return "ServicePrincipal[tenantId="
                    + tenantId
                    + ", clientId="
                    + clientId
                    + ", secret=<redacted>]";
        }
    }
}
