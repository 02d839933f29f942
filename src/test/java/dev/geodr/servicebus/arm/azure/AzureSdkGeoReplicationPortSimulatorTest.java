package dev.geodr.servicebus.arm.azure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.geodr.servicebus.arm.AcceptedOperation;
import dev.geodr.servicebus.arm.ArmErrorKind;
import dev.geodr.servicebus.arm.ArmException;
import dev.geodr.servicebus.arm.ArmIdentity;
import dev.geodr.servicebus.arm.CallPriority;
import dev.geodr.servicebus.arm.GeoNamespace;
import dev.geodr.servicebus.arm.GeoReplication;
import dev.geodr.servicebus.arm.GeoReplicationPort;
import dev.geodr.servicebus.arm.LagReading;
import dev.geodr.servicebus.arm.Locations;
import dev.geodr.servicebus.arm.NamespaceRef;
import dev.geodr.servicebus.arm.OperationStatus;
import dev.geodr.servicebus.arm.Replica;
import dev.geodr.servicebus.arm.ReplicaRole;
import dev.geodr.servicebus.simulator.GeoClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Geo-Replication adapter through the real SDK pipeline (Vert.x client, bearer-token policy,
 * TLS trusting the simulator's certificate, limiter, listener) against the embedded simulator on
 * its manual clock. The simulator's call log witnesses what reached "ARM".
 */
class AzureSdkGeoReplicationPortSimulatorTest extends ManualSimulatorTest {

    static GeoClient geo;

    final List<ArmCall> calls = new CopyOnWriteArrayList<>();
    GeoReplicationPort port;

    static final NamespaceRef ORDERS = ref("orders-geo");
    static final NamespaceRef PLAIN = ref("plain-ns1");

    static NamespaceRef ref(String name) {
        return NamespaceRef.parse(GeoClient.id(name));
    }

    @BeforeAll
    static void startClients() {
        geo = new GeoClient(admin);
    }

    @BeforeEach
    void freshState() {
        admin.reset();
        port =
                new AzureSdkArmPortFactory(
                                vertx,
                                ArmEndpointSettings.forSimulator(
                                        sim.baseUri(), sim.certificatePath()),
                                calls::add,
                                // the simulator's time: "the last five minutes" of metrics are its
                                sim.clock().asClock())
                        .geoReplication(new ArmIdentity.OperatorDefault(), CallPriority.ROUTINE);
    }

    private static ArmException thrown(Runnable call) {
        try {
            call.run();
        } catch (ArmException e) {
            return e;
        }
        throw new AssertionError("expected an ArmException");
    }

    private long logged(NamespaceRef ns, String operation) {
        return admin.count(ns.name(), operation);
    }

    private long heard(String operation) {
        return calls.stream().filter(c -> c.operation().equals(operation)).count();
    }

    /** A plain Premium namespace in westeurope, not geo-replicated. */
    private void seedPlain(NamespaceRef ns) {
        admin.putNamespace(GeoClient.RG, ns.name(), "{\"location\":\"westeurope\",\"entities\":3}");
    }

    @Test
    void listsTheEntitiesThatAcceptLargeMessages() {
        admin.putNamespace(
                GeoClient.RG,
                PLAIN.name(),
                "{\"location\":\"westeurope\",\"entities\":3,\"largeMessageQueues\":2}");

        assertThat(port.largeMessageEntities(PLAIN)).containsExactly("queue-1", "queue-2");
        assertThat(admin.calls(PLAIN.name()))
                .extracting(c -> c.operation())
                .as("one list of queues and one of topics")
                .containsExactly("listQueues", "listTopics");

        seedPlain(PLAIN);
        admin.putNamespace(GeoClient.RG, PLAIN.name(), "{\"largeMessageQueues\":0}");
        assertThat(port.largeMessageEntities(PLAIN)).isEmpty();
    }

    @Test
    void readsAGeoReplicatedNamespaceAndAPlainOne() {
        geo.seed(ORDERS.name());
        seedPlain(PLAIN);

        GeoNamespace replicated = port.getNamespace(ORDERS);
        assertThat(replicated.ref()).isEqualTo(ORDERS);
        // ARM writes the namespace location as a display name, replicas as short names
        assertThat(Locations.same(replicated.location(), "westeurope")).isTrue();
        assertThat(replicated.sku()).isEqualTo("Premium");
        assertThat(replicated.provisioningState()).isEqualTo("Succeeded");
        GeoReplication g = replicated.geoReplication().orElseThrow();
        assertThat(g.maxReplicationLagSeconds()).isEqualTo(300);
        assertThat(g.replicas())
                .containsExactly(
                        new Replica("westeurope", ReplicaRole.Primary, Optional.of("Active")),
                        new Replica("northeurope", ReplicaRole.Secondary, Optional.of("Active")));

        GeoNamespace plain = port.getNamespace(PLAIN);
        assertThat(plain.geoReplication()).isEmpty();
        assertThat(plain.sku()).isEqualTo("Premium");
        assertThat(plain.messagingPartitions()).as("not partitioned").isEqualTo(1);

        assertThat(admin.calls(ORDERS.name()))
                .singleElement()
                .satisfies(
                        c -> {
                            assertThat(c.operation()).isEqualTo("getNamespace");
                            assertThat(c.apiVersion()).isEqualTo("2026-01-01");
                        });
        assertThat(heard("getGeoNamespace")).isEqualTo(2);
    }

    @Test
    void aMissingNamespaceIsNotFound() {
        ArmException e = thrown(() -> port.getNamespace(ref("no-such-namespace")));
        assertThat(e.kind()).isEqualTo(ArmErrorKind.NOT_FOUND);
        assertThat(e.isNamespaceNotFound()).isTrue();
    }

    @Test
    void setReplicasAddsASecondaryAndKeepsEverythingElse() {
        admin.putNamespace(
                GeoClient.RG,
                ORDERS.name(),
                "{\"location\":\"westeurope\",\"entities\":3,"
                        + "\"geoReplication\":{\"maxReplicationLagDurationInSeconds\":300}}");
        // another tool (Terraform, the portal) set tags and properties this operator knows nothing
        // of
        ObjectNode byOtherTool = (ObjectNode) geo.get(GeoClient.id(ORDERS.name())).json();
        byOtherTool.putObject("tags").put("owner", "team-a").put("cost-center", "42");
        ((ObjectNode) byOtherTool.path("properties"))
                .put("minimumTlsVersion", "1.2")
                .put("someFutureProperty", "kept");
        assertThat(geo.put(GeoClient.id(ORDERS.name()), byOtherTool).status()).isEqualTo(200);
        JsonNode before = geo.get(GeoClient.id(ORDERS.name())).json();
        long putsBefore = logged(ORDERS, "createOrUpdateNamespace");

        AcceptedOperation op =
                port.setReplicas(ORDERS, "westeurope", Optional.of("northeurope"), 600);

        assertThat(logged(ORDERS, "createOrUpdateNamespace") - putsBefore).isEqualTo(1);
        assertThat(heard("setReplicas")).isEqualTo(1);
        assertThat(op.asyncOperationUrl()).get().asString().contains("/operationStatuses/");
        assertThat(op.retryAfter()).contains(Duration.ofSeconds(10));

        JsonNode after = geo.get(GeoClient.id(ORDERS.name())).json();
        assertThat(GeoClient.locations(after))
                .containsExactly("westeurope/Primary/Active", "northeurope/Secondary/Creating");
        assertThat(
                        after.path("properties")
                                .path("geoDataReplication")
                                .path("maxReplicationLagDurationInSeconds")
                                .asLong())
                .isEqualTo(600);
        // everything but geoDataReplication and the (read-only) provisioning state is unchanged
        assertThat(withoutGeo(after)).isEqualTo(withoutGeo(before));
        assertThat(after.path("tags").path("owner").asText()).isEqualTo("team-a");
        assertThat(after.path("properties").path("someFutureProperty").asText()).isEqualTo("kept");

        assertThat(port.operationStatus(op.asyncOperationUrl().get()).status())
                .isEqualTo("InProgress");
        admin.advance(301);
        assertThat(port.operationStatus(op.asyncOperationUrl().get()).succeeded()).isTrue();
        assertThat(port.getNamespace(ORDERS).geoReplication().orElseThrow().secondary())
                .get()
                .extracting(Replica::state)
                .isEqualTo(Optional.of("Active"));
    }

    private static JsonNode withoutGeo(JsonNode ns) {
        ObjectNode copy = ns.deepCopy();
        ObjectNode properties = (ObjectNode) copy.path("properties");
        properties.remove("geoDataReplication");
        properties.remove("provisioningState");
        properties.remove("updatedAt");
        return copy;
    }

    @Test
    void aWriteThatChangesNothingGeoRelatedFinishesAtOnce() {
        geo.seed(ORDERS.name());

        AcceptedOperation op =
                port.setReplicas(ORDERS, "westeurope", Optional.of("northeurope"), 300);

        assertThat(op.asyncOperationUrl()).isEmpty();
        assertThat(op.isLongRunning()).isFalse();
        assertThat(logged(ORDERS, "createOrUpdateNamespace")).isEqualTo(1);
    }

    @Test
    void plannedAndForcedPromotionsAreOperationsToPoll() {
        for (boolean force : List.of(false, true)) {
            admin.reset();
            calls.clear();
            geo.seed(ORDERS.name());

            AcceptedOperation op = port.promote(ORDERS, "northeurope", force);

            assertThat(logged(ORDERS, "namespaceFailover")).isEqualTo(1);
            assertThat(heard("promote")).isEqualTo(1);
            String url = op.asyncOperationUrl().orElseThrow();
            assertThat(url).contains("/operationStatuses/");
            assertThat(op.retryAfter()).contains(Duration.ofSeconds(10));

            OperationStatus running = port.operationStatus(url);
            assertThat(running.status()).isEqualTo("InProgress");
            assertThat(running.isTerminal()).isFalse();
            assertThat(running.retryAfter()).isPresent();
            assertThat(running.errorCode()).isEmpty();

            admin.advance(400);
            OperationStatus done = port.operationStatus(url);
            assertThat(done.status()).isEqualTo("Succeeded");
            assertThat(done.retryAfter()).isEmpty();
            assertThat(heard("getOperationStatus")).isEqualTo(2);
            assertThat(port.getNamespace(ORDERS).geoReplication().orElseThrow().primary())
                    .get()
                    .extracting(Replica::location)
                    .isEqualTo("northeurope");
            // polling is reads only: still exactly one POST
            assertThat(admin.writes(ORDERS.name())).isEqualTo(1);
        }
    }

    @Test
    void aFailedPromotionShowsItsError() {
        geo.seed(ORDERS.name());
        AcceptedOperation op = port.promote(ORDERS, "northeurope", false);
        admin.addFaults("{\"regionUnreachable\":\"northeurope\"}");

        admin.advance(400);
        OperationStatus failed = port.operationStatus(op.asyncOperationUrl().orElseThrow());

        assertThat(failed.status()).isEqualTo("Failed");
        assertThat(failed.isTerminal()).isTrue();
        assertThat(failed.errorCode()).contains("ServiceUnavailable");
        assertThat(failed.errorMessage()).isPresent();
        assertThat(logged(ORDERS, "namespaceFailover")).isEqualTo(1);
    }

    @Test
    void aRefusedPromotionIsClassified() {
        geo.seed(ORDERS.name());
        ArmException e = thrown(() -> port.promote(ORDERS, "westeurope", false));
        assertThat(e.kind()).isEqualTo(ArmErrorKind.CONFLICT);
        assertThat(e.httpStatus()).isEqualTo(400);
        assertThat(logged(ORDERS, "namespaceFailover")).isEqualTo(1);
    }

    @Test
    void anOperationUrlElsewhereIsRefusedWithNothingSent() {
        geo.seed(ORDERS.name());
        String url = port.promote(ORDERS, "northeurope", false).asyncOperationUrl().orElseThrow();
        String path = url.substring(url.indexOf("/subscriptions/"));
        int port0 = sim.baseUri().getPort();
        int logBefore = admin.calls().size();
        int heardBefore = calls.size();

        for (String bad :
                List.of(
                        "https://attacker.example" + path,
                        "https://attacker.example:" + port0 + path,
                        "http://127.0.0.1:" + port0 + path,
                        "https://127.0.0.1:" + (port0 == 1 ? 2 : port0 - 1) + path,
                        "https://user@127.0.0.1:" + port0 + path,
                        "https://127.0.0.1:" + port0 + "/providers/x/operationStatuses/1",
                        "/relative" + path,
                        "not a url",
                        "")) {
            ArmException e = thrown(() -> port.operationStatus(bad));
            assertThat(e.kind()).as(bad).isEqualTo(ArmErrorKind.FATAL);
            assertThat(e.code()).isEqualTo(AzureSdkGeoReplicationPort.CODE_UNTRUSTED_URL);
            assertThat(e.getMessage()).startsWith("Request not sent: ");
        }
        assertThat(thrown(() -> port.operationStatus("https://attacker.example" + path)))
                .hasMessageContaining("host 'attacker.example'");

        assertThat(admin.calls()).hasSize(logBefore);
        assertThat(calls).hasSize(heardBefore);
        // the real one still works
        assertThat(port.operationStatus(url).status()).isEqualTo("InProgress");
    }

    @Test
    void anUnknownOperationIsNotFound() {
        geo.seed(ORDERS.name());
        String url = port.promote(ORDERS, "northeurope", false).asyncOperationUrl().orElseThrow();
        String unknown =
                url.replaceAll(
                        "operationStatuses/[^?]+",
                        "operationStatuses/00000000-0000-0000-0000-00000000dead");
        ArmException e = thrown(() -> port.operationStatus(unknown));
        assertThat(e.kind()).isEqualTo(ArmErrorKind.NOT_FOUND);
    }

    @Test
    void replicationLagIsTheWorstEntitysNewestPoint() {
        geo.seed(ORDERS.name(), 150, 100);
        admin.advance(180);

        LagReading lag = port.replicationLag(ORDERS).orElseThrow();

        assertThat(lag.entity()).isEqualTo("queue-1");
        assertThat(lag.worst()).isGreaterThan(Duration.ZERO);
        assertThat(lag.asOf()).isBefore(sim.clock().now());
        assertThat(lag.asOf()).isAfter(sim.clock().now().minus(Duration.ofMinutes(5)));
        long lagSeconds = geo.admin(ORDERS.name()).path("lagSeconds").asLong();
        assertThat(lag.worst()).isLessThanOrEqualTo(Duration.ofSeconds(lagSeconds));
        assertThat(heard("getReplicationLag")).isEqualTo(1);
        assertThat(admin.calls(ORDERS.name()))
                .singleElement()
                .satisfies(
                        c -> {
                            assertThat(c.operation()).isEqualTo("getMetrics");
                            assertThat(c.apiVersion()).isEqualTo("2018-01-01");
                            assertThat(c.status()).isEqualTo(200);
                        });
    }

    @Test
    void noLagWithoutDataAndTheWorstOfSeveralEntities() {
        JsonNode none =
                json(
                        "{\"value\":[{\"name\":{\"value\":\"ReplicationLagDuration\"},\"timeseries\":[]}]}");
        assertThat(AzureSdkGeoReplicationPort.worstLag(none)).isEmpty();
        JsonNode two =
                json(
                        "{\"value\":[{\"name\":{\"value\":\"ReplicationLagDuration\"},\"timeseries\":["
                                + series(
                                        "queue-a",
                                        "{\"timeStamp\":\"2030-01-01T00:00:00Z\",\"maximum\":90},{\"timeStamp\":\"2030-01-01T00:01:00Z\",\"maximum\":5}")
                                + ","
                                + series(
                                        "queue-b",
                                        "{\"timeStamp\":\"2030-01-01T00:00:00Z\",\"maximum\":1},{\"timeStamp\":\"2030-01-01T00:01:00Z\",\"maximum\":12.5},{\"timeStamp\":\"2030-01-01T00:02:00Z\"}")
                                + "]}]}");
        assertThat(AzureSdkGeoReplicationPort.worstLag(two))
                .contains(
                        new LagReading(
                                Duration.ofMillis(12_500),
                                "queue-b",
                                Instant.parse("2030-01-01T00:01:00Z")));
    }

    private static String series(String entity, String points) {
        return "{\"metadatavalues\":[{\"name\":{\"value\":\"entityname\"},\"value\":\""
                + entity
                + "\"}],\"data\":["
                + points
                + "]}";
    }

    private static JsonNode json(String s) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(s);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void withoutMetricsPermissionTheLagIsAnAuthorizationError() {
        geo.seed(ORDERS.name());
        admin.addFaults("{\"metricsForbidden\":true}");

        ArmException e = thrown(() -> port.replicationLag(ORDERS));

        assertThat(e.kind()).isEqualTo(ArmErrorKind.FATAL);
        assertThat(e.httpStatus()).isEqualTo(403);
        assertThat(e.code()).isEqualTo("AuthorizationFailed");
        assertThat(e.getMessage()).contains("microsoft.insights/metrics/read");
    }

    @Test
    void throttlingIsThrottledWithRetryAfter() {
        geo.seed(ORDERS.name());
        admin.addFaults(
                "{\"failNext\":[{\"operation\":\"namespaceFailover\",\"status\":429,"
                        + "\"code\":\"TooManyRequests\",\"retryAfterSeconds\":7}]}");

        ArmException e = thrown(() -> port.promote(ORDERS, "northeurope", false));

        assertThat(e.kind()).isEqualTo(ArmErrorKind.THROTTLED);
        assertThat(e.httpStatus()).isEqualTo(429);
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(7));
        assertThat(logged(ORDERS, "namespaceFailover")).isEqualTo(1);

        // the limiter heard the 429: the next write on the subscription is refused unsent
        ArmException refused = thrown(() -> port.promote(ORDERS, "northeurope", false));
        assertThat(refused.kind()).isEqualTo(ArmErrorKind.THROTTLED);
        assertThat(refused.code()).isEqualTo(ArmCallPolicy.CODE_CLIENT_THROTTLED);
        assertThat(logged(ORDERS, "namespaceFailover")).isEqualTo(1);

        admin.addFaults(
                "{\"failNext\":[{\"operation\":\"getNamespace\",\"status\":429,"
                        + "\"code\":\"TooManyRequests\",\"retryAfterSeconds\":3}]}");
        ArmException read = thrown(() -> port.getNamespace(ORDERS));
        assertThat(read.kind()).isEqualTo(ArmErrorKind.THROTTLED);
        assertThat(read.retryAfter()).contains(Duration.ofSeconds(3));
    }

    @Test
    void writesDrawFromTheSubscriptionsWriteBudgetAndUrgentOnesGoFirst() {
        geo.seed(ORDERS.name());
        AzureSdkArmPortFactory factory =
                new AzureSdkArmPortFactory(
                        vertx,
                        ArmEndpointSettings.forSimulator(sim.baseUri(), sim.certificatePath())
                                .toBuilder()
                                .rateLimits(RateLimitSettings.defaults().withWrites(0.001, 1))
                                .build(),
                        calls::add,
                        sim.clock().asClock());
        ArmIdentity identity = new ArmIdentity.OperatorDefault();
        GeoReplicationPort routine = factory.geoReplication(identity, CallPriority.ROUTINE);
        GeoReplicationPort urgent = factory.geoReplication(identity, CallPriority.URGENT);

        routine.promote(ORDERS, "northeurope", false);
        ArmException refused = thrown(() -> routine.promote(ORDERS, "northeurope", true));
        assertThat(refused.code()).isEqualTo(ArmCallPolicy.CODE_CLIENT_THROTTLED);
        assertThat(logged(ORDERS, "namespaceFailover")).isEqualTo(1);
        // reads have their own bucket
        assertThat(routine.getNamespace(ORDERS).provisioningState()).isEqualTo("Updating");

        // a forced promotion during a planned one: sent (and accepted) although routine writes
        // wait
        assertThat(urgent.promote(ORDERS, "northeurope", true).asyncOperationUrl()).isPresent();
        assertThat(logged(ORDERS, "namespaceFailover")).isEqualTo(2);
        assertThat(calls)
                .filteredOn(c -> c.operation().equals("promote"))
                .extracting(ArmCall::sent)
                .containsExactly(true, false, true);
    }
}
