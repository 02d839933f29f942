package dev.geodr.servicebus.kube;

import static org.assertj.core.api.Assertions.assertThat;

import dev.geodr.servicebus.api.v1alpha1.ServiceBusGeoPairing;
import dev.geodr.servicebus.api.v1alpha1.ServiceBusGeoReplication;
import dev.geodr.servicebus.api.v1alpha1.ServiceBusGeoReplicationSpec;
import dev.geodr.servicebus.operator.OperatorHarness;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What users see with the real kubectl of the API server's version (never the machine's dispatching
 * wrapper): {@code kubectl wait --for=condition=Ready} returns 0 once the operator has made a
 * pairing Ready, and {@code kubectl get sbgp} prints the CRD's printer columns with the real
 * values.
 */
@QuarkusTest
@TestProfile(RealApiServerProfile.class)
@RequiresKubeBinaries
class KubectlOutputIT extends RealApiTestBase {

    static final List<String> COLUMNS =
            List.of(
                    "NAME",
                    "ALIAS",
                    "ROLE",
                    "STATE",
                    "PENDING",
                    "ACTIVE",
                    "READY",
                    "MODE",
                    "OBSERVED",
                    "AGE");

    static final List<String> REPLICATION_COLUMNS =
            List.of(
                    "NAME",
                    "PRIMARY",
                    "SECONDARY",
                    "LAG",
                    "PROMOTION",
                    "READY",
                    "PROMOTION-READY",
                    "OBSERVED",
                    "AGE");

    private TestApiServer.Kubectl.Result kubectl(String... args) {
        return TestApiServer.Kubectl.run(Path.of(adminKubeconfig), Duration.ofSeconds(60), args);
    }

    @Test
    void waitReturnsWhenReadyAndGetPrintsThePrinterColumns() throws Exception {
        sim.putNamespace(OperatorHarness.ref("kctl-weu"), OperatorHarness.premium(0));
        sim.putNamespace(OperatorHarness.ref("kctl-neu"), OperatorHarness.premium(0));
        apply(op.pairing("kctl", "kctl-weu", "kctl-neu"));
        ServiceBusGeoPairing before = op.get("kctl");
        assertThat(OperatorHarness.isTrue(before, "Ready"))
                .as("not Ready when kubectl wait starts")
                .isFalse();

        // kubectl wait runs while the simulator's clock is advanced in parallel; nothing else makes
        // it Ready.
        long started = System.nanoTime();
        Process wait =
                TestApiServer.Kubectl.start(
                        Path.of(adminKubeconfig),
                        "wait",
                        "--namespace",
                        NS,
                        "--for=condition=Ready",
                        "sbgp/kctl",
                        "--timeout=60s");
        while (!wait.waitFor(400, TimeUnit.MILLISECONDS)) {
            if (System.nanoTime() - started > TimeUnit.SECONDS.toNanos(70)) {
                wait.destroyForcibly();
                break;
            }
            sim.advance(30);
        }
        TestApiServer.Kubectl.Result waited =
                TestApiServer.Kubectl.await(wait, Duration.ofSeconds(5));
        assertThat(waited.exitCode())
                .as("kubectl wait exit code; stderr: %s", waited.stderr())
                .isZero();
        assertThat(waited.stdout().trim())
                .isEqualTo("servicebusgeopairing.servicebus.geodr.dev/kctl condition met");
        assertCurrentAndReady(op.get("kctl"));

        // kubectl get with the short name: header and the Ready pairing's row.
        TestApiServer.Kubectl.Result get =
                kubectl("get", "sbgp", "kctl", "--namespace", NS).requireSuccess();
        List<String> lines = get.stdout().lines().toList();
        assertThat(lines).as(get.stdout()).hasSize(2);
        assertThat(columns(lines.get(0))).isEqualTo(COLUMNS);
        System.out.println("kubectl get sbgp of a Ready pairing:\n" + get.stdout());
        List<String> row = cells(lines.get(0), lines.get(1));
        assertThat(row).hasSize(COLUMNS.size());
        assertThat(row.subList(0, 8))
                .containsExactly(
                        "kctl", "kctl", "Primary", "Succeeded", "0", "kctl-weu", "True", "Writer");
        assertThat(row.get(8))
                .as("OBSERVED: how long ago ARM was last read for it")
                .matches("\\d+s|\\d+m\\d*s?");
        assertThat(row.get(9)).as("AGE").matches("\\d+s|\\d+m\\d*s?");

        // The other short name and the full resource name print the same columns.
        for (String resource :
                List.of("geopairing", "servicebusgeopairings.servicebus.geodr.dev")) {
            List<String> other =
                    kubectl("get", resource, "kctl", "--namespace", NS)
                            .requireSuccess()
                            .stdout()
                            .lines()
                            .toList();
            assertThat(columns(other.get(0))).as(resource).isEqualTo(COLUMNS);
            assertThat(cells(other.get(0), other.get(1)).subList(0, 7))
                    .as(resource)
                    .containsExactly(
                            "kctl", "kctl", "Primary", "Succeeded", "0", "kctl-weu", "True");
        }

        // After a failover the row follows: the alias lives on the partner and READY turns False.
        ServiceBusGeoPairing bump = op.pairing("kctl", "kctl-weu", "kctl-neu");
        bump.getSpec().setFailoverRequested(1);
        apply(bump);
        op.driveUntil(
                "kctl", 20, r -> observed(r) && r.getStatus().getFailover().getLast() != null);
        List<String> table =
                kubectl("get", "sbgp", "kctl", "--namespace", NS)
                        .requireSuccess()
                        .stdout()
                        .lines()
                        .toList();
        List<String> afterFailover = cells(table.get(0), table.get(1));
        System.out.println("kubectl get sbgp after the failover:\n" + String.join("\n", table));
        assertThat(afterFailover.get(2))
                .as("ROLE: the spec'd primary holds no alias record now")
                .isEmpty();
        assertThat(afterFailover.get(5)).as("ACTIVE").isEqualTo("kctl-neu");
        assertThat(afterFailover.get(6)).as("READY").isEqualTo("False");

        // kubectl wait on a pairing that is not Ready times out with a non-zero exit.
        TestApiServer.Kubectl.Result notReady =
                kubectl(
                        "wait",
                        "--namespace",
                        NS,
                        "--for=condition=Ready",
                        "sbgp/kctl",
                        "--timeout=2s");
        assertThat(notReady.exitCode()).isNotZero();
        assertThat(notReady.stderr()).contains("timed out");
    }

    /**
     * {@code kubectl get sbgr} (and the other names of the kind) prints the
     * ServiceBusGeoReplication printer columns, filled from the status the operator wrote once
     * replication runs: the regions ARM shows, the lag, the promotion phase (empty: none in
     * flight), Ready and PromotionReady.
     */
    @Test
    void getPrintsTheGeoReplicationPrinterColumns() {
        sim.putNamespace(OperatorHarness.ref("kctl-geo"), OperatorHarness.premium(0));
        ServiceBusGeoReplication cr = new ServiceBusGeoReplication();
        cr.setMetadata(new ObjectMetaBuilder().withName("kctl-geo").withNamespace(NS).build());
        cr.setSpec(new ServiceBusGeoReplicationSpec());
        cr.getSpec().setNamespace(OperatorHarness.id("kctl-geo"));
        cr.getSpec().setPrimaryLocation("westeurope");
        cr.getSpec().setSecondaryLocation("northeurope");
        admin.resource(cr).fieldManager(USER_FIELD_MANAGER).forceConflicts().serverSideApply();
        try {
            ServiceBusGeoReplication seen = awaitReplicationStatus();

            for (String resource :
                    List.of(
                            "sbgr",
                            "georeplication",
                            "servicebusgeoreplications.servicebus.geodr.dev")) {
                List<String> lines =
                        kubectl("get", resource, "kctl-geo", "--namespace", NS)
                                .requireSuccess()
                                .stdout()
                                .lines()
                                .toList();
                assertThat(lines).as(resource).hasSize(2);
                assertThat(columns(lines.get(0))).as(resource).isEqualTo(REPLICATION_COLUMNS);
                if (resource.equals("sbgr")) {
                    System.out.println("kubectl get sbgr:\n" + String.join("\n", lines));
                }
                List<String> row = cells(lines.get(0), lines.get(1));
                assertThat(row).as(resource).hasSize(REPLICATION_COLUMNS.size());
                // Re-read: the operator may have written again since.
                ServiceBusGeoReplication now =
                        admin.resources(ServiceBusGeoReplication.class)
                                .inNamespace(NS)
                                .withName("kctl-geo")
                                .get();
                var st = now.getStatus();
                assertThat(row.subList(0, 7))
                        .as(resource + " against status " + st)
                        .containsExactly(
                                "kctl-geo",
                                text(st.primaryLocation()),
                                text(st.secondaryLocation()),
                                st.replicationLag() == null || st.replicationLag().seconds() == null
                                        ? ""
                                        : st.replicationLag().seconds().toString(),
                                st.promotion() == null || st.promotion().inFlight() == null
                                        ? ""
                                        : st.promotion().inFlight().phase().name(),
                                conditionStatus(now, "Ready"),
                                conditionStatus(now, "PromotionReady"));
                // Replicating as spec'd: ARM's regions, Ready, no promotion in flight.
                assertThat(row.subList(1, 3))
                        .as("PRIMARY, SECONDARY")
                        .containsExactly("westeurope", "northeurope");
                assertThat(row.get(4)).as("PROMOTION").isEmpty();
                assertThat(row.get(5)).as("READY").isEqualTo("True");
                assertThat(row.get(6)).as("PROMOTION-READY").isIn("True", "False");
                assertThat(row.get(7))
                        .as("OBSERVED: how long ago ARM was last read for it")
                        .matches("\\d+s|\\d+m\\d*s?");
                assertThat(row.get(8)).as("AGE").matches("\\d+s|\\d+m\\d*s?");
            }
            assertThat(seen.getStatus().conditions())
                    .extracting(Condition::getType)
                    .contains("Ready", "PromotionReady");
        } finally {
            admin.resource(cr).delete();
        }
    }

    private ServiceBusGeoReplication awaitReplicationStatus() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            ServiceBusGeoReplication r =
                    admin.resources(ServiceBusGeoReplication.class)
                            .inNamespace(NS)
                            .withName("kctl-geo")
                            .get();
            boolean written =
                    r.getStatus() != null
                            && Long.valueOf(r.getMetadata().getGeneration())
                                    .equals(r.getStatus().observedGeneration())
                            && r.getStatus().conditions() != null
                            && !r.getStatus().conditions().isEmpty();
            if (written && "True".equals(conditionStatus(r, "Ready"))) {
                return r;
            }
            if (System.nanoTime() > deadline) {
                assertThat(written).as("the operator wrote a status; last seen: %s", r).isTrue();
                assertThat(conditionStatus(r, "Ready"))
                        .as("Ready; last seen: %s", r)
                        .isEqualTo("True");
                return r;
            }
            sim.advance(30);
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }

    private static String conditionStatus(ServiceBusGeoReplication r, String type) {
        if (r.getStatus() == null || r.getStatus().conditions() == null) {
            return "";
        }
        return r.getStatus().conditions().stream()
                .filter(c -> type.equals(c.getType()))
                .map(Condition::getStatus)
                .findFirst()
                .orElse("");
    }

    /** Header words; kubectl's columns never contain spaces in their names. */
    private static List<String> columns(String header) {
        return Arrays.asList(header.trim().split("\\s+"));
    }

    /**
     * A row cut at the header's column offsets (a cell may be empty, which whitespace splitting
     * would lose).
     */
    private static List<String> cells(String header, String row) {
        List<Integer> starts = new ArrayList<>();
        Matcher m = Pattern.compile("\\S+").matcher(header);
        while (m.find()) {
            starts.add(m.start());
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < starts.size(); i++) {
            int from = Math.min(starts.get(i), row.length());
            int to =
                    i + 1 < starts.size()
                            ? Math.min(starts.get(i + 1), row.length())
                            : row.length();
            out.add(row.substring(from, to).trim());
        }
        return out;
    }
}
