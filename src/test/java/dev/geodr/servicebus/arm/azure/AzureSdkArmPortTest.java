package dev.geodr.servicebus.arm.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpRequest;
import dev.geodr.servicebus.arm.AliasKeys;
import dev.geodr.servicebus.arm.AliasRecord;
import dev.geodr.servicebus.arm.AliasRole;
import dev.geodr.servicebus.arm.ArmErrorKind;
import dev.geodr.servicebus.arm.ArmException;
import dev.geodr.servicebus.arm.ArmGeoDrPort;
import dev.geodr.servicebus.arm.ArmIdentity;
import dev.geodr.servicebus.arm.FailoverMode;
import dev.geodr.servicebus.arm.NamespaceInfo;
import dev.geodr.servicebus.arm.NamespaceRef;
import dev.geodr.servicebus.arm.ProvisioningState;
import dev.geodr.servicebus.arm.azure.FakeArmTransport.Reply;
import dev.geodr.servicebus.testing.MutableClock;
import java.net.ConnectException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The adapter through the real SDK pipeline (serialization, bearer-token policy, our policies, SDK
 * exceptions) with only the socket replaced. Bodies are the recorded wire bodies of
 * docs/arm-semantics.md W1.
 */
class AzureSdkArmPortTest {

    static final String SUB = "00000000-0000-0000-0000-000000000000";
    static final String RG = "cli_test_sb_alias000001";
    static final NamespaceRef PRIMARY = new NamespaceRef(SUB, RG, "sb-nscli000002");
    static final NamespaceRef SECONDARY = new NamespaceRef(SUB, RG, "sb-nscli000003");
    static final String ALIAS = "cliAlias000005";
    static final String ALIAS_PATH = PRIMARY.id() + "/disasterRecoveryConfigs/" + ALIAS;

    static final String PRIMARY_SUCCEEDED =
            "{\"id\":\""
                    + ALIAS_PATH
                    + "\",\"name\":\"cliAlias000005\","
                    + "\"type\":\"Microsoft.ServiceBus/Namespaces/disasterrecoveryconfigs\",\"properties\":{\"provisioningState\":\"Succeeded\","
                    + "\"partnerNamespace\":\""
                    + SECONDARY.id()
                    + "\",\"role\":\"Primary\",\"type\":\"MetadataReplication\","
                    + "\"pendingReplicationOperationsCount\":0}}";
    static final String PRIMARY_ACCEPTED =
            "{\"id\":\""
                    + ALIAS_PATH
                    + "\",\"name\":\"cliAlias000005\","
                    + "\"type\":\"Microsoft.ServiceBus/Namespaces/disasterrecoveryconfigs\",\"properties\":{\"provisioningState\":\"Accepted\","
                    + "\"partnerNamespace\":\""
                    + SECONDARY.id()
                    + "\",\"role\":\"Primary\",\"type\":\"MetadataReplication\"}}";
    static final String PNR =
            "{\"id\":\""
                    + ALIAS_PATH
                    + "\",\"name\":\"cliAlias000005\","
                    + "\"type\":\"Microsoft.ServiceBus/Namespaces/disasterrecoveryconfigs\",\"properties\":{\"provisioningState\":\"Succeeded\","
                    + "\"partnerNamespace\":\"\",\"role\":\"PrimaryNotReplicating\",\"type\":\"MetadataReplication\"}}";

    final FakeArmTransport transport = new FakeArmTransport();
    final MutableClock clock = MutableClock.atEpochPlus(0);
    final List<ArmCall> calls = new CopyOnWriteArrayList<>();
    ArmGeoDrPort port;

    @BeforeEach
    void setUp() {
        port = portWith(RateLimitSettings.defaults());
    }

    ArmGeoDrPort portWith(RateLimitSettings limits) {
        ArmEndpointSettings settings =
                ArmEndpointSettings.builder()
                        .armEndpoint(URI.create("https://arm.example.test/"))
                        .simulatorMode(true)
                        .rateLimits(limits)
                        .build();
        return new AzureSdkArmPortFactory(transport, null, settings, calls::add, clock)
                .forIdentity(new ArmIdentity.OperatorDefault());
    }

    static Reply notFoundAlias() {
        return Reply.json(
                404,
                "{\"error\":{\"message\":\"Alias 'cliAlias000005' does not exist or is not associated with namespace "
                        + "'sb-nscli000003'. CorrelationId: 3bd4f2a1-8f0e-4b5e-a3c7-5d2e9f1b0c44\",\"code\":\"NotFound\"}}");
    }

    @Test
    void getAliasReadsTheRecordedSucceededPrimary() {
        transport.respondAlways(Reply.json(200, PRIMARY_SUCCEEDED));

        AliasRecord record = port.getAlias(PRIMARY, ALIAS).orElseThrow();

        assertThat(record.namespace()).isEqualTo(PRIMARY);
        assertThat(record.alias()).isEqualTo(ALIAS);
        assertThat(record.role()).isEqualTo(AliasRole.Primary);
        assertThat(record.provisioningState()).isEqualTo(ProvisioningState.Succeeded);
        assertThat(record.partnerNamespace()).contains(SECONDARY);
        assertThat(record.pendingReplicationOperationsCount()).contains(0L);
        assertThat(record.alternateName()).isEmpty();
        FakeArmTransport.Sent sent = transport.sent().get(0);
        assertThat(sent.method()).isEqualTo(HttpMethod.GET);
        assertThat(sent.path()).isEqualTo(ALIAS_PATH);
        assertThat(sent.query()).isEqualTo("api-version=2021-11-01");
        assertThat(sent.headers().getValue("Authorization"))
                .isEqualTo("Bearer simulator-token-operator");
    }

    @Test
    void getAliasReadsAPrimaryNotReplicatingRecordWithEmptyPartner() {
        transport.respondAlways(Reply.json(200, PNR));

        AliasRecord record = port.getAlias(PRIMARY, ALIAS).orElseThrow();

        assertThat(record.role()).isEqualTo(AliasRole.PrimaryNotReplicating);
        assertThat(record.partnerNamespace()).isEmpty();
        assertThat(record.pendingReplicationOperationsCount()).isEmpty();
    }

    @Test
    void getAliasIsEmptyWhenTheAliasIsAbsentButThrowsWhenTheNamespaceIs() {
        transport.respondAlways(notFoundAlias());
        assertThat(port.getAlias(SECONDARY, ALIAS)).isEmpty();

        transport.respondAlways(
                Reply.json(
                                404,
                                "{\"error\":{\"code\":\"ResourceNotFound\",\"message\":\"The Resource "
                                        + "'Microsoft.ServiceBus/namespaces/sb-nscli000003' under resource group '"
                                        + RG
                                        + "' was not found. "
                                        + "For more details please go to https://aka.ms/ARMResourceNotFoundFix\"}}")
                        .withHeader("x-ms-failure-cause", "gateway"));
        assertThatThrownBy(() -> port.getAlias(SECONDARY, ALIAS))
                .asInstanceOf(type(ArmException.class))
                .satisfies(
                        e -> {
                            assertThat(e.kind()).isEqualTo(ArmErrorKind.NOT_FOUND);
                            assertThat(e.isNamespaceNotFound()).isTrue();
                            assertThat(e.httpStatus()).isEqualTo(404);
                        });
    }

    @Test
    void createOrUpdatePairingSendsOnlyThePartnerIdAsRealClientsDo() {
        transport.respondAlways(Reply.json(200, PRIMARY_ACCEPTED));

        AliasRecord record = port.createOrUpdatePairing(PRIMARY, ALIAS, SECONDARY, null);

        assertThat(record.provisioningState()).isEqualTo(ProvisioningState.Accepted);
        assertThat(record.role()).isEqualTo(AliasRole.Primary);
        FakeArmTransport.Sent sent = transport.sent().get(0);
        assertThat(sent.method()).isEqualTo(HttpMethod.PUT);
        assertThat(sent.path()).isEqualTo(ALIAS_PATH);
        assertThat(sent.body())
                .isEqualTo("{\"properties\":{\"partnerNamespace\":\"" + SECONDARY.id() + "\"}}");
    }

    @Test
    void createOrUpdatePairingSendsTheAlternateNameWhenGiven() {
        transport.respondAlways(Reply.json(200, PRIMARY_ACCEPTED));

        port.createOrUpdatePairing(PRIMARY, "sb-nscli000002", SECONDARY, "sb-nscli000002-own");

        assertThat(transport.sent().get(0).body())
                .isEqualTo(
                        "{\"properties\":{\"partnerNamespace\":\""
                                + SECONDARY.id()
                                + "\",\"alternateName\":\"sb-nscli000002-own\"}}");
    }

    @Test
    void safeFailoverSendsIsSafeFailoverOnTheSecondary() {
        port.failover(SECONDARY, ALIAS, FailoverMode.Safe);

        assertThat(transport.sent())
                .singleElement()
                .satisfies(
                        s -> {
                            assertThat(s.method()).isEqualTo(HttpMethod.POST);
                            assertThat(s.path())
                                    .isEqualTo(
                                            SECONDARY.id()
                                                    + "/disasterRecoveryConfigs/"
                                                    + ALIAS
                                                    + "/failover");
                            assertThat(s.body())
                                    .isEqualTo("{\"properties\":{\"IsSafeFailover\":true}}");
                        });
    }

    @Test
    void forcedFailoverSendsNoBody() {
        port.failover(SECONDARY, ALIAS, FailoverMode.Forced);

        assertThat(transport.sent())
                .singleElement()
                .satisfies(
                        s -> {
                            assertThat(s.method()).isEqualTo(HttpMethod.POST);
                            assertThat(s.path()).endsWith("/failover");
                            assertThat(s.body()).isEmpty();
                        });
        assertThat(calls)
                .singleElement()
                .satisfies(c -> assertThat(c.operation()).isEqualTo("failover"));
    }

    @Test
    void aFailoverThatFailsIsNeverSentTwice() {
        for (Reply reply :
                List.of(
                        Reply.json(
                                500,
                                "{\"error\":{\"code\":\"InternalServerError\",\"message\":\"x\"}}"),
                        Reply.json(503, ""),
                        Reply.json(408, ""),
                        Reply.json(
                                        429,
                                        "{\"error\":{\"code\":\"TooManyRequests\",\"message\":\"x\"}}")
                                .withHeader("Retry-After", "0"),
                        Reply.fail(
                                new RuntimeException(
                                        new ConnectException("Connection refused"))))) {
            for (FailoverMode mode : FailoverMode.values()) {
                transport.clear();
                transport.respondAlways(reply);
                clock.advance(
                        Duration.ofSeconds(1)); // after a 429 the limiter lets writes resume at 2/s
                assertThatThrownBy(() -> port.failover(SECONDARY, ALIAS, mode))
                        .isInstanceOf(ArmException.class);
                assertThat(transport.sent()).as("%s %s", reply.status(), mode).hasSize(1);
            }
        }
    }

    @Test
    void serverErrorsOnReadsAreNotRetriedEither() {
        transport.respondAlways(Reply.json(503, ""));
        assertThatThrownBy(() -> port.getAlias(PRIMARY, ALIAS))
                .asInstanceOf(type(ArmException.class))
                .extracting(ArmException::kind)
                .isEqualTo(ArmErrorKind.TRANSIENT);
        assertThat(transport.sent()).hasSize(1);
    }

    @Test
    void aReadWhoseConnectionWasRefusedIsTriedOnceMore() {
        AtomicInteger attempts = new AtomicInteger();
        transport.respond(
                r ->
                        attempts.incrementAndGet() == 1
                                ? Reply.fail(
                                        new RuntimeException(
                                                new ConnectException("Connection refused")))
                                : Reply.json(200, PNR));

        assertThat(port.getAlias(PRIMARY, ALIAS)).isPresent();
        assertThat(transport.sent()).hasSize(2);

        transport.clear();
        transport.respondAlways(
                Reply.fail(new RuntimeException(new ConnectException("Connection refused"))));
        assertThatThrownBy(() -> port.getAlias(PRIMARY, ALIAS))
                .asInstanceOf(type(ArmException.class))
                .satisfies(
                        e -> {
                            assertThat(e.kind()).isEqualTo(ArmErrorKind.TRANSIENT);
                            assertThat(e.code()).isEqualTo("ConnectionFailed");
                        });
        assertThat(transport.sent()).hasSize(2);
    }

    @Test
    void writesWithRefusedConnectionsAreNotRetried() {
        transport.respondAlways(
                Reply.fail(new RuntimeException(new ConnectException("Connection refused"))));
        assertThatThrownBy(() -> port.breakPairing(PRIMARY, ALIAS))
                .isInstanceOf(ArmException.class);
        assertThatThrownBy(() -> port.deleteAlias(PRIMARY, ALIAS)).isInstanceOf(ArmException.class);
        assertThatThrownBy(() -> port.createOrUpdatePairing(PRIMARY, ALIAS, SECONDARY, null))
                .isInstanceOf(ArmException.class);
        assertThat(transport.sent()).hasSize(3);
    }

    @Test
    void breakAndDeleteHitTheRecordedPaths() {
        port.breakPairing(PRIMARY, ALIAS);
        port.deleteAlias(PRIMARY, ALIAS);

        assertThat(transport.sent())
                .extracting(s -> s.method() + " " + s.path())
                .containsExactly("POST " + ALIAS_PATH + "/breakPairing", "DELETE " + ALIAS_PATH);
        assertThat(calls)
                .extracting(ArmCall::operation, ArmCall::httpStatus, ArmCall::sent)
                .containsExactly(
                        Tuple.tuple("breakPairing", 200, true),
                        Tuple.tuple("deleteAlias", 200, true));
    }

    @Test
    void listKeysReturnsTheAliasConnectionStringsAndRedactsThemInToString() {
        String key = "WbeKCeIhJZLTeKksbFnbrOXX9m2nCb4Sq+ASbLxTcM8=";
        transport.respondAlways(
                Reply.json(
                        200,
                        "{\"aliasPrimaryConnectionString\":\"Endpoint=sb://clialias000005.servicebus.windows.net/;"
                                + "SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey="
                                + key
                                + "\",\"aliasSecondaryConnectionString\":"
                                + "\"Endpoint=sb://clialias000005.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=s2\","
                                + "\"primaryKey\":\""
                                + key
                                + "\",\"secondaryKey\":\"s2\",\"keyName\":\"RootManageSharedAccessKey\"}"));

        AliasKeys keys = port.listKeys(PRIMARY, ALIAS, "RootManageSharedAccessKey");

        assertThat(keys.aliasPrimaryConnectionString())
                .startsWith("Endpoint=sb://clialias000005.servicebus.windows.net/;")
                .endsWith(key);
        assertThat(keys.primaryKey()).isEqualTo(key);
        assertThat(keys.keyName()).isEqualTo("RootManageSharedAccessKey");
        assertThat(keys.toString()).doesNotContain(key).doesNotContain("s2");
        assertThat(transport.sent().get(0).method()).isEqualTo(HttpMethod.POST);
        assertThat(transport.sent().get(0).path())
                .isEqualTo(ALIAS_PATH + "/authorizationRules/RootManageSharedAccessKey/listKeys");
        assertThat(calls.toString()).doesNotContain(key);
    }

    @Test
    void getNamespaceReadsSkuRegionPartitionsPrivateEndpointsAndOnePageOfEntities() {
        String base = PRIMARY.id();
        transport.respond(
                r -> {
                    String path = r.getUrl().getPath();
                    String query = r.getUrl().getQuery();
                    if (path.equals(base)) {
                        return Reply.json(
                                200,
                                "{\"sku\":{\"name\":\"Premium\",\"tier\":\"Premium\",\"capacity\":2},\"id\":\""
                                        + base
                                        + "\",\"name\":\"sb-nscli000002\",\"type\":\"Microsoft.ServiceBus/Namespaces\",\"location\":\"South Central US\","
                                        + "\"properties\":{\"premiumMessagingPartitions\":2,\"status\":\"Active\",\"privateEndpointConnections\":"
                                        + "[{\"id\":\""
                                        + base
                                        + "/privateEndpointConnections/pe1\",\"name\":\"pe1\",\"properties\":{}}]}}");
                    }
                    if (path.equals(base + "/queues") && !query.contains("skip")) {
                        return Reply.json(
                                200,
                                "{\"value\":[{\"name\":\"q1\"},{\"name\":\"q2\"}],\"nextLink\":\"https://arm.example.test"
                                        + base
                                        + "/queues?api-version=2021-11-01&$skiptoken=2\"}");
                    }
                    if (path.equals(base + "/queues")) {
                        return Reply.json(200, "{\"value\":[{\"name\":\"q3\"}]}");
                    }
                    if (path.equals(base + "/topics")) {
                        return Reply.json(200, "{\"value\":[{\"name\":\"t1\"}]}");
                    }
                    return Reply.json(
                            404,
                            "{\"error\":{\"code\":\"NotFound\",\"message\":\"no route "
                                    + path
                                    + "\"}}");
                });

        NamespaceInfo info = port.getNamespace(PRIMARY).withEntitiesSeen(entities(PRIMARY));

        // one page of queues is enough to know the namespace is not empty: no second page, no
        // topics
        assertThat(info)
                .isEqualTo(new NamespaceInfo(PRIMARY, "Premium", "South Central US", 2, 2, 1));
        assertThat(transport.sent().get(0).query())
                .isEqualTo("api-version=" + AzureSdkArmPort.NAMESPACE_API_VERSION);
        assertThat(calls)
                .extracting(ArmCall::operation)
                .containsExactly("getNamespace", "listQueues");

        calls.clear();
        NamespaceInfo primary = port.getNamespace(PRIMARY);
        assertThat(primary.entitiesSeen()).as("a primary's entities are not looked for").isEmpty();
        assertThat(calls).extracting(ArmCall::operation).containsExactly("getNamespace");
    }

    @Test
    void anEmptyQueueListIsFollowedByOnePageOfTopics() {
        String base = PRIMARY.id();
        transport.respond(
                r -> {
                    String path = r.getUrl().getPath();
                    if (path.equals(base)) {
                        return Reply.json(
                                200,
                                "{\"sku\":{\"name\":\"Premium\"},\"location\":\"westeurope\",\"properties\":{}}");
                    }
                    if (path.equals(base + "/queues")) {
                        return Reply.json(200, "{\"value\":[]}");
                    }
                    return Reply.json(200, "{\"value\":[]}");
                });

        NamespaceInfo info = port.getNamespace(PRIMARY).withEntitiesSeen(entities(PRIMARY));

        assertThat(info.holdsEntities()).isFalse();
        assertThat(info.entitiesSeen()).hasValue(0);
        assertThat(calls)
                .extracting(ArmCall::operation)
                .containsExactly("getNamespace", "listQueues", "listTopics");
    }

    @Test
    void getNamespaceOfAMissingNamespaceIsNotFound() {
        transport.respondAlways(
                Reply.json(
                        404,
                        "{\"error\":{\"code\":\"ResourceNotFound\",\"message\":\"The Resource "
                                + "'Microsoft.ServiceBus/namespaces/sb-nscli000002' under resource group '"
                                + RG
                                + "' was not found.\"}}"));
        assertThatThrownBy(() -> port.getNamespace(PRIMARY))
                .asInstanceOf(type(ArmException.class))
                .satisfies(e -> assertThat(e.isNamespaceNotFound()).isTrue());
        assertThat(transport.sent()).hasSize(1);
    }

    @Test
    void a429RetryAfterPausesThatKindOfCallAndTheNextIsNotSentUntilItElapses() {
        transport.respondAlways(
                Reply.json(
                                429,
                                "{\"error\":{\"code\":\"SubscriptionRequestsThrottled\",\"message\":\"Number of "
                                        + "'read' requests exceeded. Please try again after '30' seconds.\"}}")
                        .withHeader("Retry-After", "30"));

        assertThatThrownBy(() -> port.getAlias(PRIMARY, ALIAS))
                .asInstanceOf(type(ArmException.class))
                .satisfies(
                        e -> {
                            assertThat(e.kind()).isEqualTo(ArmErrorKind.THROTTLED);
                            assertThat(e.httpStatus()).isEqualTo(429);
                            assertThat(e.retryAfter()).contains(Duration.ofSeconds(30));
                        });
        transport.respondAlways(Reply.json(200, PRIMARY_SUCCEEDED));
        clock.advance(Duration.ofSeconds(29));
        // other pairings' reads in the same subscription are held too
        for (Runnable call :
                List.<Runnable>of(
                        () -> port.getAlias(SECONDARY, ALIAS),
                        () -> port.getNamespace(SECONDARY))) {
            assertThatThrownBy(call::run)
                    .asInstanceOf(type(ArmException.class))
                    .satisfies(
                            e -> {
                                assertThat(e.kind()).isEqualTo(ArmErrorKind.THROTTLED);
                                assertThat(e.code()).isEqualTo("ClientThrottled");
                                assertThat(e.httpStatus()).isZero();
                                assertThat(e.retryAfter()).contains(Duration.ofSeconds(1));
                            });
        }
        assertThat(transport.sent()).hasSize(1);
        assertThat(calls).extracting(ArmCall::sent).containsExactly(true, false, false);

        // ARM throttles reads and writes in separate buckets: a failover POST is still sent
        transport.respondAlways(Reply.json(200, "{}"));
        port.failover(SECONDARY, ALIAS, FailoverMode.Forced);
        assertThat(transport.sent()).hasSize(2);

        clock.advance(Duration.ofSeconds(1));
        transport.respondAlways(Reply.json(200, PRIMARY_SUCCEEDED));
        assertThat(port.getAlias(PRIMARY, ALIAS)).isPresent();
        assertThat(transport.sent()).hasSize(3);
    }

    @Test
    void aThrottledSubscriptionDoesNotHoldAnother() {
        NamespaceRef other =
                new NamespaceRef("99999999-0000-0000-0000-000000000000", "rg", "other-ns");
        transport.respondAlways(
                Reply.json(429, "{\"error\":{\"code\":\"TooManyRequests\",\"message\":\"x\"}}")
                        .withHeader("Retry-After", "60"));
        assertThatThrownBy(() -> port.getAlias(PRIMARY, ALIAS)).isInstanceOf(ArmException.class);

        transport.respondAlways(Reply.json(200, PNR));
        assertThat(port.getAlias(other, ALIAS)).isPresent();
        assertThat(transport.sent()).hasSize(2);
    }

    @Test
    void theClientSideBudgetRefusesWritesWithoutSendingThem() {
        port = portWith(RateLimitSettings.defaults().withWrites(1, 2));

        port.breakPairing(PRIMARY, ALIAS);
        port.breakPairing(PRIMARY, ALIAS);
        assertThatThrownBy(() -> port.breakPairing(PRIMARY, ALIAS))
                .asInstanceOf(type(ArmException.class))
                .satisfies(
                        e -> {
                            assertThat(e.kind()).isEqualTo(ArmErrorKind.THROTTLED);
                            assertThat(e.code()).isEqualTo("ClientThrottled");
                            assertThat(e.retryAfter()).contains(Duration.ofSeconds(1));
                            assertThat(e.getMessage()).doesNotContainPattern("\\d+ ?ms");
                        });
        assertThat(transport.sent()).hasSize(2);
        transport.respondAlways(Reply.json(200, PNR));
        assertThat(port.getAlias(PRIMARY, ALIAS)).as("reads have their own bucket").isPresent();
    }

    @Test
    void aBare429WithoutRetryAfterDoesNotPauseTheSubscription() {
        transport.respondAlways(
                Reply.json(
                        429,
                        "{\"error\":{\"message\":\"Disaster recovery operation in progress. "
                                + "CorrelationId: 9a8b7c6d-5e4f-4a3b-2c1d-0e9f8a7b6c5d\",\"code\":\"TooManyRequests\"}}"));
        assertThatThrownBy(() -> port.breakPairing(PRIMARY, ALIAS))
                .asInstanceOf(type(ArmException.class))
                .satisfies(
                        e -> {
                            assertThat(e.kind()).isEqualTo(ArmErrorKind.THROTTLED);
                            assertThat(e.retryAfter())
                                    .contains(
                                            RateLimitSettings.DEFAULT_THROTTLE_WITHOUT_RETRY_AFTER);
                            assertThat(e.getMessage())
                                    .isEqualTo("Disaster recovery operation in progress.");
                        });
        transport.respondAlways(Reply.json(200, PNR));
        assertThat(port.getAlias(PRIMARY, ALIAS)).isPresent();
    }

    @Test
    void theListenerSeesEveryRequestWithItsStatus() {
        transport.respond(
                (HttpRequest r) ->
                        r.getHttpMethod() == HttpMethod.GET ? notFoundAlias() : Reply.empty(200));
        Optional<AliasRecord> absent = port.getAlias(SECONDARY, ALIAS);
        port.failover(SECONDARY, ALIAS, FailoverMode.Safe);

        assertThat(absent).isEmpty();
        assertThat(calls)
                .extracting(ArmCall::operation, ArmCall::subscriptionId, ArmCall::httpStatus)
                .containsExactly(
                        Tuple.tuple("getAlias", SUB, 404), Tuple.tuple("failover", SUB, 200));
        assertThat(calls).allSatisfy(c -> assertThat(c.duration().isNegative()).isFalse());
    }

    @Test
    void aListenerThatThrowsCannotBreakACall() {
        ArmEndpointSettings settings =
                ArmEndpointSettings.builder()
                        .armEndpoint(URI.create("https://arm.example.test/"))
                        .simulatorMode(true)
                        .build();
        ArmGeoDrPort p =
                new AzureSdkArmPortFactory(
                                transport,
                                null,
                                settings,
                                c -> {
                                    throw new IllegalStateException("metrics down");
                                },
                                clock)
                        .forIdentity(new ArmIdentity.OperatorDefault());
        transport.respondAlways(Reply.json(200, PNR));
        assertThat(p.getAlias(PRIMARY, ALIAS)).isPresent();
    }

    /** As preflight asks: queues on the first page, else topics on the first page. */
    private long entities(NamespaceRef namespace) {
        long queues = port.entitiesOnFirstPage(namespace, ArmGeoDrPort.EntityKind.QUEUES);
        return queues > 0
                ? queues
                : port.entitiesOnFirstPage(namespace, ArmGeoDrPort.EntityKind.TOPICS);
    }
}
