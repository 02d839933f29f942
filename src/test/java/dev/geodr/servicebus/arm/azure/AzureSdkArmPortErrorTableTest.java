package dev.geodr.servicebus.arm.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.geodr.servicebus.arm.ArmErrorKind;
import dev.geodr.servicebus.arm.ArmException;
import dev.geodr.servicebus.arm.ArmGeoDrPort;
import dev.geodr.servicebus.arm.ArmIdentity;
import dev.geodr.servicebus.arm.azure.FakeArmTransport.Reply;
import dev.geodr.servicebus.testing.MutableClock;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The classifier table over ARM error bodies (src/test/resources/arm-errors/catalogue.json, from
 * docs/arm-semantics.md §2.10/§4), each answered to a real SDK DELETE so the exception is exactly
 * what the SDK throws.
 */
class AzureSdkArmPortErrorTableTest {

    static Stream<Arguments> catalogue() throws IOException {
        try (InputStream in =
                AzureSdkArmPortErrorTableTest.class.getResourceAsStream(
                        "/arm-errors/catalogue.json")) {
            JsonNode root = new ObjectMapper().readTree(in);
            List<Arguments> rows = new ArrayList<>();
            root.get("cases").forEach(c -> rows.add(Arguments.of(c.get("id").asText(), c)));
            return rows.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("catalogue")
    void classifies(String id, JsonNode row) {
        FakeArmTransport transport = new FakeArmTransport();
        Reply reply = Reply.json(row.get("status").asInt(), row.get("body").asText());
        for (Map.Entry<String, JsonNode> h :
                (Iterable<Map.Entry<String, JsonNode>>) row.get("headers")::fields) {
            reply = reply.withHeader(h.getKey(), h.getValue().asText());
        }
        transport.respondAlways(reply);
        ArmGeoDrPort port =
                new AzureSdkArmPortFactory(
                                transport,
                                null,
                                ArmEndpointSettings.forSimulator(
                                        URI.create("https://arm.example.test/"), null),
                                ArmCallListener.NONE,
                                MutableClock.atEpochPlus(0))
                        .forIdentity(new ArmIdentity.OperatorDefault());

        ArmException e =
                catchThrowableOfType(
                        ArmException.class,
                        () -> port.deleteAlias(AzureSdkArmPortTest.PRIMARY, "a"));

        assertThat(e).as(id).isNotNull();
        assertThat(e.kind()).as(id).isEqualTo(ArmErrorKind.valueOf(row.get("kind").asText()));
        assertThat(e.httpStatus()).as(id).isEqualTo(row.get("status").asInt());
        assertThat(e.code()).as(id).isEqualTo(row.get("code").asText());
        assertThat(e.getMessage()).as(id).isEqualTo(row.get("message").asText());
        assertThat(e.getMessage())
                .as(id)
                .doesNotContainIgnoringCase("correlationid")
                .doesNotContainIgnoringCase("trackingid");
        if (row.has("retryAfterMillis")) {
            assertThat(e.retryAfter())
                    .as(id)
                    .contains(Duration.ofMillis(row.get("retryAfterMillis").asLong()));
        } else {
            assertThat(e.retryAfter()).as(id).isEmpty();
        }
        assertThat(transport.sent()).as(id + ": never retried").hasSize(1);
    }
}
