package dev.geodr.servicebus.kube;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Where the control-plane binaries of hack/kube-binaries.sh are: {@code
 * <dir>/k8s/<version>-linux-<arch>/{etcd,kube-apiserver,kubectl}}, with {@code <dir>} from the
 * system property {@code geodr.kube-api-test.dir}, else {@code KUBE_API_TEST_DIR}, else {@code
 * ~/.kubeapitest}, and the version from {@code geodr.k8s.version}, else {@code K8S_VERSION}, else
 * {@value #DEFAULT_K8S_VERSION}. Every real-API-server test is skipped (never failed) when they are
 * absent.
 */
public final class KubeBinaries {

    /** Keep in step with K8S_VERSION in hack/kube-binaries.sh. */
    public static final String DEFAULT_K8S_VERSION = "1.35.4";

    private KubeBinaries() {}

    public static String version() {
        return setting("geodr.k8s.version", "K8S_VERSION", DEFAULT_K8S_VERSION);
    }

    /** kube-api-test's directory (it also writes its certificates there). */
    public static Path testDir() {
        return Path.of(
                setting(
                        "geodr.kube-api-test.dir",
                        "KUBE_API_TEST_DIR",
                        Path.of(System.getProperty("user.home"), ".kubeapitest").toString()));
    }

    /** kube-api-test's naming: {@code <version>-<os>-<amd64|arm64>}. */
    public static Path binDir() {
        String arch = System.getProperty("os.arch").equals("aarch64") ? "arm64" : "amd64";
        return testDir().resolve("k8s").resolve(version() + "-linux-" + arch);
    }

    public static Path kubectl() {
        return binDir().resolve("kubectl");
    }

    public static boolean present() {
        Path bin = binDir();
        return Stream.of("etcd", "kube-apiserver", "kubectl")
                .allMatch(b -> Files.isExecutable(bin.resolve(b)));
    }

    public static String skipMessage() {
        return "SKIPPED: no control-plane binaries in "
                + binDir()
                + " (etcd, kube-apiserver, kubectl); build them with hack/kube-binaries.sh";
    }

    private static String setting(String property, String env, String fallback) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(env);
        }
        return value == null || value.isBlank() ? fallback : value;
    }
}
