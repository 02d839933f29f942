package dev.geodr.servicebus.kube;

import io.fabric8.kubeapitest.KubeAPIServer;
import io.fabric8.kubeapitest.KubeAPIServerConfigBuilder;
import io.fabric8.kubeapitest.cert.CertManager;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real etcd + kube-apiserver (io.fabric8:kube-api-test, offline, binaries of
 * hack/kube-binaries.sh) with an admin client (client certificate in system:masters), plus the real
 * kubectl of the same version.
 */
public final class TestApiServer implements AutoCloseable {

    public static final Path CRD_FILE =
            Path.of("crds/servicebusgeopairings.servicebus.geodr.dev-v1.yml");
    public static final String CRD_NAME = "servicebusgeopairings.servicebus.geodr.dev";

    public static final Path REPLICATION_CRD_FILE =
            Path.of("crds/servicebusgeoreplications.servicebus.geodr.dev-v1.yml");
    public static final String REPLICATION_CRD_NAME =
            "servicebusgeoreplications.servicebus.geodr.dev";

    /**
     * Every CRD the operator watches: it starts an informer per kind, so all of them must be
     * installed wherever the operator runs.
     */
    public static final List<String> CRD_NAMES = List.of(CRD_NAME, REPLICATION_CRD_NAME);

    static final String FIELD_MANAGER = "geodr-it";

    private final KubeAPIServer server;
    private final KubernetesClient admin;
    private final Path workDir;
    private final Path adminKubeconfig;

    private TestApiServer(KubeAPIServer server, Path workDir) throws IOException {
        this.server = server;
        this.workDir = workDir;
        String kubeconfig = server.getKubeConfigYaml();
        this.admin =
                new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(kubeconfig)).build();
        this.adminKubeconfig = workDir.resolve("admin.kubeconfig");
        Files.writeString(adminKubeconfig, kubeconfig);
    }

    /**
     * Starts etcd and the API server (about 5 s); callers must have checked {@link
     * KubeBinaries#present()}.
     */
    public static TestApiServer start(String name) {
        KubeAPIServer server =
                new KubeAPIServer(
                        KubeAPIServerConfigBuilder.anAPIServerConfig()
                                .withTestDir(KubeBinaries.testDir().toString())
                                .withApiServerVersion(KubeBinaries.version())
                                .withOfflineMode(true)
                                .withStartupTimeout(120_000)
                                .build());
        server.start();
        try {
            Path dir = Files.createDirectories(Path.of("target", "realapi", name)).toAbsolutePath();
            return new TestApiServer(server, dir);
        } catch (IOException | RuntimeException e) {
            server.stop();
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
    }

    public KubernetesClient admin() {
        return admin;
    }

    public String url() {
        return admin.getConfiguration().getMasterUrl().replaceAll("/$", "");
    }

    /**
     * The CA that signed the API server's serving certificate (kube-api-test's self-signed
     * apiserver.crt).
     */
    public Path caCertFile() {
        return Path.of(new CertManager(KubeBinaries.testDir().toString()).getAPIServerCertPath());
    }

    public Path adminKubeconfig() {
        return adminKubeconfig;
    }

    public Path workDir() {
        return workDir;
    }

    /**
     * Server-side applies every committed CRD (the pairing's first) and waits until the API server
     * serves each; returns the pairing's.
     */
    public CustomResourceDefinition applyCrd() {
        applyCrd(REPLICATION_CRD_FILE, REPLICATION_CRD_NAME);
        return applyCrd(CRD_FILE, CRD_NAME);
    }

    /** Server-side applies one committed CRD and waits until the API server serves it. */
    public CustomResourceDefinition applyCrd(Path file, String name) {
        CustomResourceDefinition crd =
                admin.apiextensions().v1().customResourceDefinitions().load(file.toFile()).item();
        admin.resource(crd).fieldManager(FIELD_MANAGER).forceConflicts().serverSideApply();
        return awaitEstablished(name);
    }

    /** Waits until every CRD of {@link #CRD_NAMES} is Established. */
    public void awaitAllEstablished() {
        CRD_NAMES.forEach(this::awaitEstablished);
    }

    public CustomResourceDefinition awaitEstablished(String crdName) {
        return admin.apiextensions()
                .v1()
                .customResourceDefinitions()
                .withName(crdName)
                .waitUntilCondition(
                        c ->
                                c != null
                                        && c.getStatus() != null
                                        && c.getStatus().getConditions() != null
                                        && c.getStatus().getConditions().stream()
                                                .anyMatch(
                                                        x ->
                                                                "Established".equals(x.getType())
                                                                        && "True"
                                                                                .equals(
                                                                                        x
                                                                                                .getStatus())),
                        60,
                        TimeUnit.SECONDS);
    }

    /** Writes a kubeconfig that authenticates with a bearer token only (no client certificate). */
    public Path writeTokenKubeconfig(String fileName, String user, String token)
            throws IOException {
        String yaml =
                """
                apiVersion: v1
                kind: Config
                clusters:
                - name: kubeapitest
                  cluster:
                    server: %s
                    certificate-authority: %s
                users:
                - name: %s
                  user:
                    token: %s
                contexts:
                - name: %s
                  context:
                    cluster: kubeapitest
                    user: %s
                    namespace: default
                current-context: %s
                """
                        .formatted(url(), caCertFile(), user, token, user, user, user);
        Path file = workDir.resolve(fileName);
        Files.writeString(file, yaml);
        return file;
    }

    /** Runs the real kubectl of this version with the admin kubeconfig. */
    public Kubectl.Result kubectl(Duration timeout, String... args) {
        return Kubectl.run(adminKubeconfig, timeout, args);
    }

    @Override
    public void close() {
        try {
            admin.close();
        } finally {
            server.stop();
        }
    }

    /**
     * The real kubectl binary next to the API server (never the machine's version-dispatching
     * wrapper).
     */
    public static final class Kubectl {

        public record Result(int exitCode, String stdout, String stderr) {
            public Result requireSuccess() {
                if (exitCode != 0) {
                    throw new IllegalStateException(
                            "kubectl exited " + exitCode + ": " + stderr + stdout);
                }
                return this;
            }
        }

        private Kubectl() {}

        public static Process start(Path kubeconfig, String... args) {
            List<String> command = new ArrayList<>();
            command.add(KubeBinaries.kubectl().toString());
            command.add("--kubeconfig=" + kubeconfig);
            command.addAll(List.of(args));
            try {
                ProcessBuilder pb = new ProcessBuilder(command);
                pb.environment().remove("KUBECONFIG");
                return pb.start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        public static Result run(Path kubeconfig, Duration timeout, String... args) {
            Process p = start(kubeconfig, args);
            return await(p, timeout);
        }

        public static Result await(Process p, Duration timeout) {
            try {
                var out = p.getInputStream();
                var err = p.getErrorStream();
                // Outputs here are small; read them after exit (pipes hold 64 KiB).
                if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    p.destroyForcibly();
                    throw new IllegalStateException("kubectl did not finish within " + timeout);
                }
                return new Result(
                        p.exitValue(),
                        new String(out.readAllBytes(), StandardCharsets.UTF_8),
                        new String(err.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                p.destroyForcibly();
                throw new IllegalStateException(e);
            }
        }
    }
}
