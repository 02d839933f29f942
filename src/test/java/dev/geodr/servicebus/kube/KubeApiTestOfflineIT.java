package dev.geodr.servicebus.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.fabric8.kubeapitest.KubeAPIServer;
import io.fabric8.kubeapitest.KubeAPIServerConfigBuilder;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Proves that io.fabric8:kube-api-test finds the binaries hack/kube-binaries.sh builds and starts a
 * real API server from them without touching the network. Skipped (not failed) when the binaries
 * are absent.
 *
 * <p>Configured through the builder only: kube-api-test's KUBE_API_TEST_OFFLINE_MODE and
 * KUBE_API_TEST_STARTUP_TIMEOUT environment variables throw ClassCastException (it casts the String
 * to Boolean/Integer). KUBE_API_TEST_DIR and KUBE_API_TEST_API_SERVER_VERSION are Strings and work,
 * but are read here and passed explicitly so the test and the build script agree.
 */
class KubeApiTestOfflineIT {

    /** Keep in step with K8S_VERSION in hack/kube-binaries.sh. */
    static final String DEFAULT_K8S_VERSION = "1.35.4";

    @Test
    void startsTheLocallyBuiltApiServerOffline() {
        String version = setting("geodr.k8s.version", "K8S_VERSION", DEFAULT_K8S_VERSION);
        Path testDir =
                Path.of(
                        setting(
                                "geodr.kube-api-test.dir",
                                "KUBE_API_TEST_DIR",
                                Path.of(System.getProperty("user.home"), ".kubeapitest")
                                        .toString()));
        // kube-api-test's directory naming: <version>-<os.name>-<amd64|arm64>
        String arch = System.getProperty("os.arch").equals("aarch64") ? "arm64" : "amd64";
        Path binaries = testDir.resolve("k8s").resolve(version + "-linux-" + arch);
        assumeTrue(
                Stream.of("etcd", "kube-apiserver", "kubectl")
                        .allMatch(b -> Files.isExecutable(binaries.resolve(b))),
                () ->
                        "SKIPPED: no control-plane binaries in "
                                + binaries
                                + " (etcd, kube-apiserver, kubectl); build them with hack/kube-binaries.sh");

        KubeAPIServer server =
                new KubeAPIServer(
                        KubeAPIServerConfigBuilder.anAPIServerConfig()
                                .withTestDir(testDir.toString())
                                .withApiServerVersion(version)
                                .withOfflineMode(true)
                                .withStartupTimeout(120_000)
                                .build());
        server.start();
        try (KubernetesClient admin =
                new KubernetesClientBuilder()
                        .withConfig(Config.fromKubeconfig(server.getKubeConfigYaml()))
                        .build()) {

            assertThat(admin.getKubernetesVersion().getGitVersion()).isEqualTo("v" + version);
            assertThat(admin.namespaces().withName("default").get()).isNotNull();

            // Server-side apply, which the fabric8 mock answers with 415.
            ConfigMap applied =
                    admin.resource(
                                    new ConfigMapBuilder()
                                            .withNewMetadata()
                                            .withName("ssa-probe")
                                            .withNamespace("default")
                                            .endMetadata()
                                            .withData(Map.of("k", "v"))
                                            .build())
                            .fieldManager("geodr-test")
                            .forceConflicts()
                            .serverSideApply();
            assertThat(applied.getMetadata().getManagedFields())
                    .anySatisfy(f -> assertThat(f.getManager()).isEqualTo("geodr-test"));

            // RBAC is enforced: an identity without bindings is refused.
            Config nobody =
                    new ConfigBuilder(admin.getConfiguration())
                            .withImpersonateUsername("system:serviceaccount:default:nobody")
                            .build();
            try (KubernetesClient restricted =
                    new KubernetesClientBuilder().withConfig(nobody).build()) {
                assertThatThrownBy(() -> restricted.configMaps().inNamespace("default").list())
                        .isInstanceOfSatisfying(
                                KubernetesClientException.class,
                                e -> assertThat(e.getCode()).isEqualTo(403));
            }
        } finally {
            server.stop();
        }
    }

    private static String setting(String property, String env, String fallback) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(env);
        }
        return value == null || value.isBlank() ? fallback : value;
    }
}
