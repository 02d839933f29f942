package dev.geodr.servicebus.arm.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

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
import dev.geodr.servicebus.simulator.SimulatorClient;
import dev.geodr.servicebus.testing.MutableClock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The adapter with the real Azure SDK (Vert.x client, bearer-token policy, TLS trusting the
 * simulator's self-signed certificate) against the embedded ARM simulator in manual-clock mode:
 * every port method, the 404/400/409/429 paths, and the call log as the witness of what reached
 * "ARM".
 */
class AzureSdkArmPortSimulatorTest extends ManualSimulatorTest {

    static final String SUB = "5f1c2e3d-0000-4000-8000-000000000001";
    static final String OTHER_SUB = "5f1c2e3d-0000-4000-8000-000000000002";
    static final NamespaceRef A = new NamespaceRef(SUB, "rg-east", "geo-primary-ns");
    static final NamespaceRef B = new NamespaceRef(SUB, "rg-west", "geo-secondary-ns");
    static final String ALIAS = "Geo-Alias-One";

    final MutableClock clock = MutableClock.atEpochPlus(0);
    final List<ArmCall> calls = new CopyOnWriteArrayList<>();
    ArmGeoDrPort port;

    @BeforeEach
    void freshState() {
        admin.reset();
        admin.putNamespace(
                A,
                "{\"location\":\"eastus\",\"sku\":\"Premium\",\"partitions\":1,\"entities\":0,\"privateEndpoints\":0}");
        admin.putNamespace(
                B,
                "{\"location\":\"westus\",\"sku\":\"Premium\",\"partitions\":1,\"entities\":0,\"privateEndpoints\":0}");
        port =
                new AzureSdkArmPortFactory(
                                vertx,
                                ArmEndpointSettings.forSimulator(
                                        sim.baseUri(), sim.certificatePath()),
                                calls::add,
                                clock)
                        .forIdentity(new ArmIdentity.OperatorDefault());
    }

    private void pairAndSettle() {
        port.createOrUpdatePairing(A, ALIAS, B, null);
        admin.advance(200);
        assertThat(port.getAlias(A, ALIAS))
                .get()
                .extracting(AliasRecord::provisioningState)
                .isEqualTo(ProvisioningState.Succeeded);
    }

    private static ArmException thrown(Runnable call) {
        try {
            call.run();
        } catch (ArmException e) {
            return e;
        }
        throw new AssertionError("expected an ArmException");
    }

    @Test
    void preflightReadsTheNamespace() {
        admin.putNamespace(A, "{\"entities\":3,\"privateEndpoints\":2,\"partitions\":2}");

        NamespaceInfo info = port.getNamespace(A).withEntitiesSeen(entities(A));

        assertThat(info.namespace()).isEqualTo(A);
        assertThat(info.isPremium()).isTrue();
        assertThat(info.location()).isNotBlank();
        assertThat(info.partitions()).isEqualTo(2);
        assertThat(info.holdsEntities()).isTrue();
        assertThat(info.privateEndpoints()).isEqualTo(2);

        admin.putNamespace(B, "{\"sku\":\"Standard\"}");
        assertThat(port.getNamespace(B).sku()).isEqualTo("Standard");
    }

    @Test
    void aMissingNamespaceIsNotFoundWhileAMissingAliasIsEmpty() {
        NamespaceRef ghost = new NamespaceRef(SUB, "rg-east", "no-such-namespace");

        assertThat(port.getAlias(A, ALIAS)).isEmpty();
        for (Runnable call :
                List.<Runnable>of(
                        () -> port.getAlias(ghost, ALIAS), () -> port.getNamespace(ghost))) {
            ArmException e = thrown(call);
            assertThat(e.kind()).isEqualTo(ArmErrorKind.NOT_FOUND);
            assertThat(e.isNamespaceNotFound()).isTrue();
            assertThat(e.getMessage()).contains("no-such-namespace");
        }
    }

    @Test
    void pairReadBothSidesListKeysBreakRepairFailOverAndDelete() {
        AliasRecord accepted = port.createOrUpdatePairing(A, ALIAS, B, null);
        assertThat(accepted.role()).isEqualTo(AliasRole.Primary);
        assertThat(accepted.provisioningState()).isEqualTo(ProvisioningState.Accepted);
        assertThat(accepted.partnerNamespace()).contains(B);
        assertThat(port.getAlias(B, ALIAS))
                .get()
                .satisfies(
                        s -> {
                            assertThat(s.role()).isEqualTo(AliasRole.Secondary);
                            assertThat(s.partnerNamespace()).contains(A);
                        });

        admin.advance(200);
        assertThat(port.getAlias(A, ALIAS))
                .get()
                .satisfies(
                        p -> {
                            assertThat(p.provisioningState())
                                    .isEqualTo(ProvisioningState.Succeeded);
                            assertThat(p.alias()).isEqualTo(ALIAS);
                            assertThat(p.pendingReplicationOperationsCount()).contains(0L);
                        });

        AliasKeys keys = port.listKeys(A, ALIAS, "RootManageSharedAccessKey");
        assertThat(keys.aliasPrimaryConnectionString())
                .startsWith(
                        "Endpoint=sb://geo-alias-one.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;");
        assertThat(keys.aliasSecondaryConnectionString())
                .startsWith("Endpoint=sb://geo-alias-one.servicebus.windows.net/;");
        assertThat(keys.primaryKey()).isNotBlank();
        assertThat(keys.toString()).doesNotContain(keys.primaryKey());

        // E1: delete refused while paired
        ArmException e1 = thrown(() -> port.deleteAlias(A, ALIAS));
        assertThat(e1.kind()).isEqualTo(ArmErrorKind.CONFLICT);
        assertThat(e1.httpStatus()).isEqualTo(400);
        assertThat(e1.getMessage())
                .isEqualTo(
                        "Delete operation is only allowed when primary namespace does not have secondary namespace.");

        port.breakPairing(A, ALIAS);
        admin.advance(200);
        assertThat(port.getAlias(A, ALIAS))
                .get()
                .satisfies(
                        p -> {
                            assertThat(p.role()).isEqualTo(AliasRole.PrimaryNotReplicating);
                            assertThat(p.partnerNamespace()).isEmpty();
                        });
        assertThat(port.getAlias(B, ALIAS)).isEmpty();

        port.createOrUpdatePairing(A, ALIAS, B, null); // re-pair the PNR record
        admin.advance(200);
        port.failover(B, ALIAS, FailoverMode.Forced);
        admin.advance(200);
        assertThat(port.getAlias(B, ALIAS))
                .get()
                .extracting(AliasRecord::role)
                .isEqualTo(AliasRole.PrimaryNotReplicating);
        assertThat(port.getAlias(A, ALIAS)).as("the old primary loses its record").isEmpty();
        assertThat(calls("POST", "/failover"))
                .singleElement()
                .satisfies(
                        c -> {
                            assertThat(c.path()).containsIgnoringCase(B.name());
                            assertThat(c.status()).isEqualTo(200);
                        });

        port.deleteAlias(B, ALIAS);
        admin.advance(120);
        assertThat(port.getAlias(B, ALIAS)).isEmpty();
        ArmException gone = thrown(() -> port.deleteAlias(B, ALIAS));
        assertThat(gone.kind()).isEqualTo(ArmErrorKind.NOT_FOUND);
        assertThat(gone.code()).isEqualTo("NotFound");
        assertThat(gone.getMessage()).doesNotContain("CorrelationId");
    }

    @Test
    void safeFailoverCarriesIsSafeFailoverAndForcedDoesNot() {
        port.createOrUpdatePairing(
                A, ALIAS, B, null); // still pairing: a safe failover must be refused

        ArmException refused = thrown(() -> port.failover(B, ALIAS, FailoverMode.Safe));
        assertThat(refused.kind()).isEqualTo(ArmErrorKind.CONFLICT);
        assertThat(refused.httpStatus()).isEqualTo(409);
        assertThat(refused.getMessage())
                .isEqualTo(
                        "Namespace Replication is still in progress, retry the operation after some time...");

        port.failover(B, ALIAS, FailoverMode.Forced); // a forced failover needs no completed sync
        assertThat(calls("POST", "/failover"))
                .extracting(SimulatorClient.Call::status)
                .containsExactly(409, 200);
    }

    @Test
    void safeFailoverOfASettledPairingSucceeds() {
        pairAndSettle();
        port.failover(B, ALIAS, FailoverMode.Safe);
        admin.advance(200);
        assertThat(port.getAlias(B, ALIAS))
                .get()
                .extracting(AliasRecord::role)
                .isEqualTo(AliasRole.PrimaryNotReplicating);
        assertThat(calls("POST", "/failover")).hasSize(1);
    }

    @Test
    void preconditionFailuresAreConflicts() {
        admin.putNamespace(B, "{\"sku\":\"Standard\"}");
        ArmException notPremium = thrown(() -> port.createOrUpdatePairing(A, ALIAS, B, null));
        assertThat(notPremium.kind()).isEqualTo(ArmErrorKind.CONFLICT);
        assertThat(notPremium.httpStatus()).isEqualTo(400);
        assertThat(notPremium.code()).isEqualTo("BadRequest");

        admin.putNamespace(B, "{\"sku\":\"Premium\"}");
        NamespaceRef c = new NamespaceRef(SUB, "rg-west", "geo-third-ns");
        admin.putNamespace(c, "{}");
        pairAndSettle();
        ArmException alreadyPaired =
                thrown(() -> port.createOrUpdatePairing(c, "other-alias-x", B, null));
        assertThat(alreadyPaired.kind()).isEqualTo(ArmErrorKind.CONFLICT);
        assertThat(alreadyPaired.httpStatus()).isEqualTo(409);
        assertThat(alreadyPaired.code()).isEqualTo("Conflict");
    }

    @Test
    void listAliasesShowsEveryAliasOnTheNamespaceWithOneGet() {
        NamespaceRef c = new NamespaceRef(SUB, "rg-west", "geo-third-ns");
        admin.putNamespace(c, "{}");
        assertThat(port.listAliases(B)).as("a fresh namespace holds none").isEmpty();

        pairAndSettle();
        calls.clear();

        assertThat(port.listAliases(B))
                .singleElement()
                .satisfies(
                        r -> {
                            assertThat(r.namespace()).isEqualTo(B);
                            assertThat(r.alias()).isEqualTo(ALIAS);
                            assertThat(r.role()).isEqualTo(AliasRole.Secondary);
                            assertThat(r.partnerNamespace()).contains(A);
                        });
        assertThat(port.listAliases(A))
                .extracting(AliasRecord::role)
                .containsExactly(AliasRole.Primary);
        assertThat(port.listAliases(c)).isEmpty();
        assertThat(calls)
                .extracting(ArmCall::operation, ArmCall::httpStatus)
                .containsOnly(Tuple.tuple("listAliases", 200))
                .hasSize(3);
        assertThat(admin.calls("/geo-secondary-ns/disasterRecoveryConfigs"))
                .as("the list call reached the simulator")
                .isNotEmpty();

        NamespaceRef ghost = new NamespaceRef(SUB, "rg-east", "no-such-namespace");
        assertThat(thrown(() -> port.listAliases(ghost)).isNamespaceNotFound()).isTrue();
    }

    @Test
    void aFailoverAnswered500IsSentExactlyOnce() {
        pairAndSettle();
        admin.addFaults("{\"failNext\":{\"operation\":\"failover\",\"count\":1,\"status\":500}}");

        ArmException e = thrown(() -> port.failover(B, ALIAS, FailoverMode.Forced));

        assertThat(e.kind()).isEqualTo(ArmErrorKind.TRANSIENT);
        assertThat(e.httpStatus()).isEqualTo(500);
        assertThat(calls("POST", "/failover"))
                .singleElement()
                .extracting(SimulatorClient.Call::status)
                .isEqualTo(500);
    }

    @Test
    void a429RetryAfterHoldsTheSubscriptionAndNothingIsSentUntilItElapses() {
        admin.addFaults(
                "{\"failNext\":{\"operation\":\"get\",\"count\":1,\"status\":429,\"code\":\"SubscriptionRequestsThrottled\","
                        + "\"message\":\"Number of 'read' requests exceeded.\",\"retryAfterSeconds\":7}}");

        ArmException throttled = thrown(() -> port.getAlias(A, ALIAS));
        assertThat(throttled.kind()).isEqualTo(ArmErrorKind.THROTTLED);
        assertThat(throttled.httpStatus()).isEqualTo(429);
        assertThat(throttled.retryAfter()).contains(Duration.ofSeconds(7));
        int armCalls = admin.calls().size();

        clock.advance(Duration.ofSeconds(6));
        for (Runnable call :
                List.<Runnable>of(() -> port.getAlias(B, ALIAS), () -> port.getNamespace(A))) {
            ArmException held = thrown(call);
            assertThat(held.code()).isEqualTo("ClientThrottled");
            assertThat(held.retryAfter()).contains(Duration.ofSeconds(1));
        }
        assertThat(admin.calls())
                .as("no read reached the simulator while reads were paused")
                .hasSize(armCalls);
        ArmException write = thrown(() -> port.breakPairing(A, ALIAS));
        assertThat(write.code())
                .as("writes have their own bucket at ARM: the POST is sent")
                .isNotEqualTo("ClientThrottled");
        armCalls++;
        assertThat(admin.calls()).hasSize(armCalls);

        clock.advance(Duration.ofSeconds(1));
        assertThat(port.getAlias(A, ALIAS)).isEmpty();
        assertThat(admin.calls()).hasSize(armCalls + 1);
    }

    @Test
    void armsRemainingQuotaHeaderStopsTheClientBeforeArmMustRefuse() {
        admin.addFaults("{\"throttle\":{\"reads\":3,\"refillPerSecond\":0.2}}");

        int ok = 0;
        ArmException first = null;
        for (int i = 0; i < 10 && first == null; i++) {
            try {
                port.getAlias(A, ALIAS);
                ok++;
            } catch (ArmException e) {
                first = e;
            }
        }
        // 2 left after the first read: the operator keeps half (1), then 1 left keeps half a token
        assertThat(ok).isEqualTo(2);
        assertThat(first).isNotNull();
        assertThat(first.code()).isEqualTo("ClientThrottled");
        assertThat(first.retryAfter()).hasValueSatisfying(d -> assertThat(d).isPositive());
        assertThat(calls("GET", "/disasterRecoveryConfigs/" + ALIAS))
                .as("ARM never had to answer 429")
                .hasSize(2)
                .allSatisfy(c -> assertThat(c.status()).isNotEqualTo(429));
    }

    @Test
    void operationInProgressIsThrottledForThatPairingOnly() {
        pairAndSettle();
        port.breakPairing(A, ALIAS);

        ArmException busy = thrown(() -> port.createOrUpdatePairing(A, ALIAS, B, null));
        assertThat(busy.kind()).isEqualTo(ArmErrorKind.THROTTLED);
        assertThat(busy.httpStatus()).isEqualTo(429);
        assertThat(busy.getMessage()).isEqualTo("Disaster recovery operation in progress.");
        assertThat(port.getAlias(A, ALIAS)).as("the subscription is not held").isPresent();
    }

    @Test
    void everyRequestIsReportedToTheListener() {
        port.getAlias(A, ALIAS);
        port.createOrUpdatePairing(A, ALIAS, B, null);
        assertThat(calls)
                .extracting(ArmCall::operation, ArmCall::httpStatus)
                .containsExactly(
                        Tuple.tuple("getAlias", 404), Tuple.tuple("createOrUpdatePairing", 200));
        assertThatThrownBy(() -> port.listKeys(A, "missing-alias", "RootManageSharedAccessKey"))
                .asInstanceOf(type(ArmException.class))
                .extracting(ArmException::kind)
                .isEqualTo(ArmErrorKind.NOT_FOUND);
    }

    /**
     * The logged ARM calls with this method whose path (without query) ends with {@code
     * pathSuffix}.
     */
    private static List<SimulatorClient.Call> calls(String method, String pathSuffix) {
        String suffix = pathSuffix.toLowerCase(Locale.ROOT);
        return admin.calls().stream()
                .filter(
                        c ->
                                c.method().equals(method)
                                        && c.path()
                                                .toLowerCase(Locale.ROOT)
                                                .split("\\?")[0]
                                                .endsWith(suffix))
                .toList();
    }

    /** As preflight asks: queues on the first page, else topics on the first page. */
    private long entities(NamespaceRef namespace) {
        long queues = port.entitiesOnFirstPage(namespace, ArmGeoDrPort.EntityKind.QUEUES);
        return queues > 0
                ? queues
                : port.entitiesOnFirstPage(namespace, ArmGeoDrPort.EntityKind.TOPICS);
    }
}
