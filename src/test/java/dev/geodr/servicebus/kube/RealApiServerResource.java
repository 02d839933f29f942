package dev.geodr.servicebus.kube;

import io.fabric8.kubernetes.api.model.authentication.TokenRequest;
import io.fabric8.kubernetes.api.model.authentication.TokenRequestBuilder;
import io.fabric8.kubernetes.client.Config;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Starts a real kube-apiserver for {@link RealApiServerProfile}, installs {@code deploy/} into it
 * the way the README tells users to ({@code kubectl apply --server-side -k deploy/} with the real
 * kubectl: CRD, namespace, ServiceAccount, ClusterRole(+Binding), leader-election Role(+Binding),
 * Deployment, Service), mints a token for the operator's ServiceAccount through the TokenRequest
 * API and points the application's Kubernetes client at the server with <em>only</em> that token.
 * The Deployment never gets a pod (there is no scheduler or kubelet); the operator runs in the test
 * JVM with the pod's identity.
 *
 * <p><b>How the application's client is pointed at the server.</b> Every {@code
 * quarkus.kubernetes-client.*} key is {@code BUILD_AND_RUN_TIME_FIXED} in Quarkus 3.34.2: returned
 * from here (runtime) they stop the application with "Build time property cannot be changed at
 * runtime". So, like Quarkus's own mock-server resource, this sets the fabric8 system properties
 * that {@code Config.autoConfigure} reads when the client is built ({@code kubernetes.master},
 * {@code kubernetes.auth.token}, {@code kubernetes.certs.ca.file}, {@code
 * kubernetes.trust.certificates=false}, {@code kubernetes.auth.tryKubeConfig=false}, {@code
 * kubernetes.auth.tryServiceAccount=false}), clears any client-certificate or basic-auth ones (so
 * no credential of the machine, {@code ~/.kube/config} included, can leak in) and restores all of
 * them on stop.
 *
 * <p>Config it returns, for the tests: {@code geodr-it.admin-kubeconfig} (client certificate in
 * system:masters, to act as a user and to run kubectl) and {@code geodr-it.operator-kubeconfig}
 * (server, CA and the ServiceAccount token). Returns nothing when the binaries are absent: the
 * classes using the profile are then disabled by {@link RequiresKubeBinaries} anyway.
 */
public class RealApiServerResource implements QuarkusTestResourceLifecycleManager {

    private static final Logger LOG = Logger.getLogger(RealApiServerResource.class);

    public static final String OPERATOR_NAMESPACE = "geodr-system";
    public static final String OPERATOR_SERVICE_ACCOUNT = "servicebus-geodr-operator";
    public static final String OPERATOR_USER =
            "system:serviceaccount:" + OPERATOR_NAMESPACE + ":" + OPERATOR_SERVICE_ACCOUNT;

    private TestApiServer api;
    private final Map<String, String> previous = new HashMap<>();

    @Override
    public Map<String, String> start() {
        if (!KubeBinaries.present()) {
            LOG.warn(KubeBinaries.skipMessage());
            return Map.of();
        }
        long started = System.nanoTime();
        api = TestApiServer.start("operator");
        try {
            // The real install path: kustomize rendering of deploy/ (which pulls in ../crds) and
            // server-side apply.
            api.kubectl(
                            Duration.ofSeconds(120),
                            "apply",
                            "--server-side",
                            "--field-manager=geodr-it-install",
                            "-k",
                            "deploy/")
                    .requireSuccess();
            api.awaitAllEstablished();

            TokenRequest request =
                    api.admin()
                            .serviceAccounts()
                            .inNamespace(OPERATOR_NAMESPACE)
                            .withName(OPERATOR_SERVICE_ACCOUNT)
                            .tokenRequest(
                                    new TokenRequestBuilder()
                                            .withNewSpec()
                                            .withExpirationSeconds(2L * 3600)
                                            .endSpec()
                                            .build());
            String token = request.getStatus().getToken();
            Path operatorKubeconfig =
                    api.writeTokenKubeconfig("operator.kubeconfig", OPERATOR_USER, token);

            setClientProperty(Config.KUBERNETES_MASTER_SYSTEM_PROPERTY, api.url());
            setClientProperty(Config.KUBERNETES_OAUTH_TOKEN_SYSTEM_PROPERTY, token);
            setClientProperty(
                    Config.KUBERNETES_CA_CERTIFICATE_FILE_SYSTEM_PROPERTY,
                    api.caCertFile().toString());
            setClientProperty(Config.KUBERNETES_TRUST_CERT_SYSTEM_PROPERTY, "false");
            setClientProperty(Config.KUBERNETES_AUTH_TRYKUBECONFIG_SYSTEM_PROPERTY, "false");
            setClientProperty(Config.KUBERNETES_AUTH_TRYSERVICEACCOUNT_SYSTEM_PROPERTY, "false");
            setClientProperty(Config.KUBERNETES_NAMESPACE_SYSTEM_PROPERTY, "default");
            for (String credential :
                    List.of(
                            Config.KUBERNETES_CLIENT_CERTIFICATE_FILE_SYSTEM_PROPERTY,
                            Config.KUBERNETES_CLIENT_CERTIFICATE_DATA_SYSTEM_PROPERTY,
                            Config.KUBERNETES_CLIENT_KEY_FILE_SYSTEM_PROPERTY,
                            Config.KUBERNETES_CLIENT_KEY_DATA_SYSTEM_PROPERTY,
                            Config.KUBERNETES_AUTH_BASIC_USERNAME_SYSTEM_PROPERTY,
                            Config.KUBERNETES_AUTH_BASIC_PASSWORD_SYSTEM_PROPERTY,
                            Config.KUBERNETES_KUBECONFIG_FILE)) {
                setClientProperty(credential, null);
            }

            Map<String, String> config = new HashMap<>();
            config.put("geodr-it.admin-kubeconfig", api.adminKubeconfig().toString());
            config.put("geodr-it.operator-kubeconfig", operatorKubeconfig.toString());
            LOG.infof(
                    "real API server %s ready with deploy/ installed in %d ms; the operator runs as %s",
                    api.url(), (System.nanoTime() - started) / 1_000_000, OPERATOR_USER);
            return config;
        } catch (IOException e) {
            stop();
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            stop();
            throw e;
        }
    }

    /**
     * Sets (or, with null, clears) a system property, remembering the previous value for {@link
     * #stop()}.
     */
    private void setClientProperty(String key, String value) {
        if (!previous.containsKey(key)) {
            previous.put(key, System.getProperty(key));
        }
        if (value == null) {
            System.clearProperty(key);
        } else {
            System.setProperty(key, value);
        }
    }

    @Override
    public void stop() {
        previous.forEach(
                (key, value) -> {
                    if (value == null) {
                        System.clearProperty(key);
                    } else {
                        System.setProperty(key, value);
                    }
                });
        previous.clear();
        if (api != null) {
            api.close();
            api = null;
        }
    }
}
