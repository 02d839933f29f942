package dev.geodr.servicebus.simulator;

import static dev.geodr.servicebus.simulator.GeoClient.PRIMARY;
import static dev.geodr.servicebus.simulator.GeoClient.SECONDARY;
import static org.assertj.core.api.Assertions.assertThat;

import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpPipelineBuilder;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.http.rest.Response;
import com.azure.core.http.rest.SimpleResponse;
import com.azure.core.http.vertx.VertxHttpClientBuilder;
import com.azure.core.management.polling.PollResult;
import com.azure.core.management.polling.SyncPollerFactory;
import com.azure.core.management.serializer.SerializerFactory;
import com.azure.core.util.BinaryData;
import com.azure.core.util.Context;
import com.azure.core.util.polling.LongRunningOperationStatus;
import com.azure.core.util.polling.SyncPoller;
import com.fasterxml.jackson.databind.JsonNode;
import dev.geodr.servicebus.simulator.render.Json;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.net.PemTrustOptions;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The operator will drive Geo-Replication through the Azure SDK's HttpPipeline (the released
 * management SDK has no namespace failover), so its long-running operations must satisfy
 * azure-core-management's ARM poller, the same one the generated {@code beginFailover} and {@code
 * beginCreateOrUpdate} use. Polls by hand between clock steps: no sleeping on Retry-After.
 */
class GeoReplicationSdkPollingTest {

    private SimulatorClient client;
    private GeoClient geo;
    private Vertx vertx;
    private HttpPipeline pipeline;

    @BeforeEach
    void start() {
        client = SimulatorClient.start(SimulatorClient.manual());
        geo = new GeoClient(client);
        vertx = Vertx.vertx();
        pipeline =
                new HttpPipelineBuilder()
                        .httpClient(
                                new VertxHttpClientBuilder()
                                        .vertx(vertx)
                                        .httpClientOptions(
                                                new HttpClientOptions()
                                                        .setSsl(true)
                                                        .setTrustOptions(
                                                                new PemTrustOptions()
                                                                        .addCertPath(
                                                                                client.sim
                                                                                        .certificatePath()
                                                                                        .toString())))
                                        .build())
                        .build();
    }

    @AfterEach
    void stop() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
        client.close();
    }

    private Response<BinaryData> send(HttpMethod method, String pathAndQuery, String body) {
        HttpRequest request = new HttpRequest(method, client.baseUri() + pathAndQuery.substring(1));
        if (body != null) {
            request.setHeader(HttpHeaderName.CONTENT_TYPE, "application/json");
            request.setBody(body);
        }
        HttpResponse r = pipeline.sendSync(request, Context.NONE);
        BinaryData data = r.getBodyAsBinaryData();
        byte[] bytes = data == null ? new byte[0] : data.toBytes();
        return new SimpleResponse<>(
                request, r.getStatusCode(), r.getHeaders(), BinaryData.fromBytes(bytes));
    }

    private SyncPoller<PollResult<Object>, Object> poller(Response<BinaryData> initial) {
        return SyncPollerFactory.create(
                SerializerFactory.createDefaultManagementSerializerAdapter(),
                pipeline,
                Object.class,
                Object.class,
                Duration.ofSeconds(1),
                () -> initial);
    }

    @Test
    void theArmPollerFollowsAPlannedPromotionToCompletion() {
        String id = geo.seed("orders-sdk", 150, 100);
        client.advance(60);

        Response<BinaryData> initial =
                send(
                        HttpMethod.POST,
                        id + "/failover?api-version=2026-01-01",
                        "{\"properties\":{\"primaryLocation\":\"northeurope\",\"force\":false}}");
        assertThat(initial.getStatusCode()).isEqualTo(202);
        SyncPoller<PollResult<Object>, Object> poller = poller(initial);

        assertThat(poller.poll().getStatus()).isEqualTo(LongRunningOperationStatus.IN_PROGRESS);
        client.advance(30 + 300);
        assertThat(poller.poll().getStatus())
                .isEqualTo(LongRunningOperationStatus.SUCCESSFULLY_COMPLETED);
        poller.getFinalResult();

        assertThat(GeoClient.locations(geo.get(id).json()))
                .containsExactly(SECONDARY + "/Primary/Active", PRIMARY + "/Secondary/Active");
        assertThat(client.count("orders-sdk", "namespaceFailover")).isEqualTo(1);
        assertThat(client.count("operationStatuses", "getAsyncOperation")).isEqualTo(2);
    }

    @Test
    void theArmPollerSeesTheReplicaBuildOfAPutAndReadsTheNamespaceAtTheEnd() throws IOException {
        client.putNamespace(
                GeoClient.RG,
                "orders-sdk-put",
                "{\"location\":\"westeurope\",\"geoReplication\":{\"maxReplicationLagDurationInSeconds\":300}}");
        String id = GeoClient.id("orders-sdk-put");

        Response<BinaryData> initial =
                send(
                        HttpMethod.PUT,
                        id + "?api-version=2026-01-01",
                        Json.write(GeoClient.geoBody(300, PRIMARY, SECONDARY)));
        assertThat(initial.getStatusCode()).isEqualTo(200);
        SyncPoller<PollResult<Object>, Object> poller = poller(initial);

        assertThat(poller.poll().getStatus()).isEqualTo(LongRunningOperationStatus.IN_PROGRESS);
        client.advance(300);
        assertThat(poller.poll().getStatus())
                .isEqualTo(LongRunningOperationStatus.SUCCESSFULLY_COMPLETED);

        JsonNode result = Json.MAPPER.valueToTree(poller.getFinalResult());
        assertThat(GeoClient.locations(result)).contains(SECONDARY + "/Secondary/Active");
        assertThat(result.at("/properties/provisioningState").asText()).isEqualTo("Succeeded");
    }

    @Test
    void anEscalatedPlannedPromotionEndsCancelledForItsPoller() {
        String id = geo.seed("orders-sdk-esc", 150, 100);
        client.advance(60);
        SyncPoller<PollResult<Object>, Object> planned =
                poller(
                        send(
                                HttpMethod.POST,
                                id + "/failover?api-version=2026-01-01",
                                "{\"properties\":{\"primaryLocation\":\"northeurope\",\"force\":false}}"));
        assertThat(planned.poll().getStatus()).isEqualTo(LongRunningOperationStatus.IN_PROGRESS);

        assertThat(geo.failover(id, SECONDARY, true).status()).isEqualTo(202);

        assertThat(planned.poll().getStatus()).isEqualTo(LongRunningOperationStatus.USER_CANCELLED);
    }
}
