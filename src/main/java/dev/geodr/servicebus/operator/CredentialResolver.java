package dev.geodr.servicebus.operator;

import dev.geodr.servicebus.api.v1alpha1.SecretReference;
import dev.geodr.servicebus.arm.ArmIdentity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Map;
import java.util.Optional;

/**
 * Which identity a resource's ARM calls use: the operator's own (DefaultAzureCredential, workload
 * identity on AKS) unless {@code spec.credentialsSecretRef} names a Secret with a service
 * principal. A missing or incomplete Secret is a spec problem, reported without ever echoing the
 * Secret's values.
 */
final class CredentialResolver {

    static final String TENANT = "AZURE_TENANT_ID";
    static final String CLIENT = "AZURE_CLIENT_ID";
    static final String SECRET = "AZURE_CLIENT_SECRET";
    static final String TOKEN_FILE = "AZURE_FEDERATED_TOKEN_FILE";

    record Result(Optional<ArmIdentity> identity, Optional<String> problem) {
        static Result ok(ArmIdentity identity) {
            return new Result(Optional.of(identity), Optional.empty());
        }

        static Result problem(String problem) {
            return new Result(Optional.empty(), Optional.of(problem));
        }
    }

    private CredentialResolver() {}

    /**
     * @param ns the custom resource's Kubernetes namespace, where the Secret must be
     * @param ref its {@code spec.credentialsSecretRef}, null when absent
     */
    static Result resolve(KubernetesClient client, String ns, SecretReference ref) {
        if (ref == null || ref.getName() == null || ref.getName().isBlank()) {
            return Result.ok(new ArmIdentity.OperatorDefault());
        }
        Secret secret = client.secrets().inNamespace(ns).withName(ref.getName()).get();
        if (secret == null) {
            return Result.problem(
                    "spec.credentialsSecretRef: Secret " + ns + "/" + ref.getName() + " not found");
        }
        Map<String, String> data = SecretData.of(secret);
        Optional<String> tenant = value(data, TENANT);
        Optional<String> clientId = value(data, CLIENT);
        Optional<String> clientSecret = value(data, SECRET);
        Optional<String> tokenFile = value(data, TOKEN_FILE);
        if (tenant.isEmpty()
                || clientId.isEmpty()
                || (clientSecret.isEmpty() && tokenFile.isEmpty())) {
            return Result.problem(
                    "spec.credentialsSecretRef: Secret "
                            + ns
                            + "/"
                            + ref.getName()
                            + " must hold "
                            + TENANT
                            + ", "
                            + CLIENT
                            + " and "
                            + SECRET
                            + " (or "
                            + TOKEN_FILE
                            + ")");
        }
        return Result.ok(
                new ArmIdentity.ServicePrincipal(
                        tenant.get(), clientId.get(), clientSecret, tokenFile));
    }

    private static Optional<String> value(Map<String, String> data, String key) {
        return Optional.ofNullable(data.get(key)).map(String::trim).filter(s -> !s.isEmpty());
    }
}
