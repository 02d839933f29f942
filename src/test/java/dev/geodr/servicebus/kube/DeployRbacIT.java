package dev.geodr.servicebus.kube;

import static dev.geodr.servicebus.kube.RealApiServerResource.OPERATOR_NAMESPACE;
import static dev.geodr.servicebus.kube.RealApiServerResource.OPERATOR_SERVICE_ACCOUNT;
import static dev.geodr.servicebus.kube.RealApiServerResource.OPERATOR_USER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.geodr.servicebus.api.v1alpha1.ConnectionSecret;
import dev.geodr.servicebus.api.v1alpha1.ServiceBusGeoPairing;
import dev.geodr.servicebus.api.v1alpha1.ServiceBusGeoPairingSpec;
import dev.geodr.servicebus.api.v1alpha1.ServiceBusGeoReplication;
import dev.geodr.servicebus.api.v1alpha1.ServiceBusGeoReplicationSpec;
import dev.geodr.servicebus.operator.LeaseHandover;
import dev.geodr.servicebus.operator.OperatorHarness;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.authentication.SelfSubjectReview;
import io.fabric8.kubernetes.api.model.authentication.TokenRequestBuilder;
import io.fabric8.kubernetes.api.model.authorization.v1.ResourceRule;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectRulesReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectRulesReviewBuilder;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderElectionConfigBuilder;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.LeaseLock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The RBAC of deploy/ is sufficient and no broader than intended: the application's Kubernetes
 * client carries only the token of deploy/'s ServiceAccount (proven with a SelfSubjectReview), the
 * operator pairs, writes status, the finalizer, the connection Secret and Events with it, the
 * leader-election Lease works in its namespace, and a table of things the operator must never do is
 * refused with 403 for the same identity.
 */
@QuarkusTest
@TestProfile(RealApiServerProfile.class)
@RequiresKubeBinaries
class DeployRbacIT extends RealApiTestBase {

    /** LeaderElection.LEASE: the lease the operator's replicas elect a leader with. */
    static final String LEASE = "servicebus-geodr-operator-lease";

    @Test
    void theOperatorsClientIsTheServiceAccountAndNothingElse() {
        SelfSubjectReview review =
                operatorClient
                        .authentication()
                        .v1()
                        .selfSubjectReviews()
                        .create(new SelfSubjectReview());
        assertThat(review.getStatus().getUserInfo().getUsername()).isEqualTo(OPERATOR_USER);
        assertThat(review.getStatus().getUserInfo().getGroups())
                .contains("system:serviceaccounts", "system:serviceaccounts:" + OPERATOR_NAMESPACE)
                .doesNotContain("system:masters");
        assertThat(operatorClient.getConfiguration().getClientCertFile()).isNull();
        assertThat(operatorClient.getConfiguration().getClientCertData()).isNull();
        assertThat(operatorClient.getConfiguration().getUsername()).isNull();

        // The tests' own client is someone else: a cluster admin.
        SelfSubjectReview adminReview =
                admin.authentication().v1().selfSubjectReviews().create(new SelfSubjectReview());
        assertThat(adminReview.getStatus().getUserInfo().getGroups()).contains("system:masters");
    }

    @Test
    void pairsAndWritesStatusFinalizerConnectionSecretAndEventsWithOnlyDeployRbac() {
        sim.putNamespace(OperatorHarness.ref("rbac-weu"), OperatorHarness.premium(0));
        sim.putNamespace(OperatorHarness.ref("rbac-neu"), OperatorHarness.premium(0));
        ServiceBusGeoPairing cr = op.pairing("rbac", "rbac-weu", "rbac-neu");
        ConnectionSecret connection = new ConnectionSecret();
        connection.setName("rbac-alias-connection");
        cr.getSpec().setConnectionSecret(connection);
        apply(cr);

        ServiceBusGeoPairing ready = op.awaitReady("rbac");
        assertCurrentAndReady(ready);
        assertThat(ready.getMetadata().getFinalizers()).isNotEmpty();

        Secret secret =
                await().atMost(Duration.ofSeconds(20))
                        .until(
                                () ->
                                        admin.secrets()
                                                .inNamespace(NS)
                                                .withName("rbac-alias-connection")
                                                .get(),
                                s -> s != null);
        assertThat(secret.getData())
                .containsOnlyKeys(
                        "aliasPrimaryConnectionString",
                        "aliasSecondaryConnectionString",
                        "primaryKey",
                        "secondaryKey",
                        "keyName");
        assertThat(decode(secret, "aliasPrimaryConnectionString")).startsWith("Endpoint=sb://");
        assertThat(decode(secret, "keyName")).isEqualTo("RootManageSharedAccessKey");
        assertThat(secret.getMetadata().getOwnerReferences())
                .singleElement()
                .satisfies(
                        owner -> {
                            assertThat(owner.getKind()).isEqualTo("ServiceBusGeoPairing");
                            assertThat(owner.getUid()).isEqualTo(ready.getMetadata().getUid());
                            assertThat(owner.getController()).isTrue();
                        });

        List<Event> events =
                await().atMost(Duration.ofSeconds(10))
                        .until(
                                () ->
                                        admin
                                                .v1()
                                                .events()
                                                .inNamespace(NS)
                                                .list()
                                                .getItems()
                                                .stream()
                                                .filter(
                                                        e ->
                                                                "rbac"
                                                                        .equals(
                                                                                e.getInvolvedObject()
                                                                                        .getName()))
                                                .toList(),
                                list ->
                                        list.stream()
                                                .anyMatch(
                                                        e ->
                                                                "ConnectionSecretUpdated"
                                                                        .equals(e.getReason())));
        assertThat(events)
                .allSatisfy(
                        e -> {
                            assertThat(e.getSource().getComponent())
                                    .isEqualTo("servicebus-geodr-operator");
                            assertThat(e.getInvolvedObject().getUid())
                                    .isEqualTo(ready.getMetadata().getUid());
                        });
        // Keys never appear in Events.
        String key = decode(secret, "primaryKey");
        assertThat(events).noneSatisfy(e -> assertThat(e.getMessage()).contains(key));
    }

    /**
     * The operator starts one informer per kind: the ServiceBusGeoReplication resource, its status
     * and its finalizers get exactly the verbs of the ServiceBusGeoPairing's, neither fewer (the
     * informer or the status patch would fail) nor more.
     */
    @Test
    void bothKindsGetTheSameVerbs() {
        SelfSubjectRulesReview rules =
                operatorClient
                        .resource(
                                new SelfSubjectRulesReviewBuilder()
                                        .withNewSpec()
                                        .withNamespace(NS)
                                        .endSpec()
                                        .build())
                        .create();
        for (String sub : List.of("", "/status", "/finalizers")) {
            Set<String> pairing = verbs(rules, "servicebusgeopairings" + sub);
            assertThat(pairing).as("verbs on servicebusgeopairings%s", sub).isNotEmpty();
            assertThat(verbs(rules, ServiceBusGeoReplication.PLURAL + sub))
                    .as("verbs on servicebusgeoreplications%s", sub)
                    .isEqualTo(pairing);
        }
        assertThat(verbs(rules, ServiceBusGeoReplication.PLURAL))
                .containsExactlyInAnyOrder("get", "list", "watch", "patch", "update");
    }

    private static Set<String> verbs(SelfSubjectRulesReview rules, String resource) {
        return rules.getStatus().getResourceRules().stream()
                .filter(
                        r ->
                                r.getApiGroups().contains(ServiceBusGeoPairing.GROUP)
                                        && r.getResources().contains(resource))
                .flatMap(r -> r.getVerbs().stream())
                .collect(Collectors.toSet());
    }

    @Test
    void reconcilesAServiceBusGeoReplicationWithOnlyDeployRbac() {
        ServiceBusGeoReplication created =
                admin.resource(probeReplication(NS, "rbac-georep")).create();
        try {
            // The informer's list + watch, with the operator's own identity.
            assertThat(
                            operatorClient
                                    .resources(ServiceBusGeoReplication.class)
                                    .inAnyNamespace()
                                    .list()
                                    .getItems())
                    .extracting(r -> r.getMetadata().getName())
                    .contains("rbac-georep");
            // The operator's informer saw it and its reconciler wrote the status subresource:
            // whatever ARM says about the (unknown) namespace, the status is for this generation.
            ServiceBusGeoReplication reconciled =
                    await().atMost(Duration.ofSeconds(30))
                            .until(
                                    () ->
                                            admin.resources(ServiceBusGeoReplication.class)
                                                    .inNamespace(NS)
                                                    .withName("rbac-georep")
                                                    .get(),
                                    r ->
                                            r.getStatus() != null
                                                    && Long.valueOf(1L)
                                                            .equals(
                                                                    r.getStatus()
                                                                            .observedGeneration())
                                                    && r.getStatus().conditions() != null
                                                    && !r.getStatus().conditions().isEmpty());
            assertThat(reconciled.getStatus().conditions())
                    .extracting(c -> c.getType())
                    .contains("Ready", "Reconciling", "Stalled");
        } finally {
            admin.resource(created).delete();
        }
    }

    @Test
    void leaderElectionWorksInTheOperatorNamespace() throws Exception {
        // What JOSDK's LeaderElectionManager checks before it starts: create, update and get on
        // leases.
        SelfSubjectRulesReview rules =
                operatorClient
                        .resource(
                                new SelfSubjectRulesReviewBuilder()
                                        .withNewSpec()
                                        .withNamespace(OPERATOR_NAMESPACE)
                                        .endSpec()
                                        .build())
                        .create();
        List<ResourceRule> leaseRules =
                rules.getStatus().getResourceRules().stream()
                        .filter(
                                r ->
                                        r.getApiGroups().contains("coordination.k8s.io")
                                                && r.getResources().contains("leases"))
                        .toList();
        assertThat(leaseRules.stream().flatMap(r -> r.getVerbs().stream()))
                .contains("create", "update", "get");

        // And the elector itself (fabric8's, which JOSDK uses): acquire (get + create), then renew
        // (update).
        CountDownLatch leading = new CountDownLatch(1);
        CompletableFuture<?> elector = elect("it-replica", leading, Duration.ofSeconds(4));
        try {
            assertThat(leading.await(20, TimeUnit.SECONDS)).as("became leader").isTrue();
            Lease acquired = admin.leases().inNamespace(OPERATOR_NAMESPACE).withName(LEASE).get();
            assertThat(acquired.getSpec().getHolderIdentity()).isEqualTo("it-replica");
            await().atMost(Duration.ofSeconds(10))
                    .until(
                            () ->
                                    !admin.leases()
                                            .inNamespace(OPERATOR_NAMESPACE)
                                            .withName(LEASE)
                                            .get()
                                            .getMetadata()
                                            .getResourceVersion()
                                            .equals(acquired.getMetadata().getResourceVersion()));
        } finally {
            elector.cancel(true);
        }
    }

    @Test
    void aLeaderThatShutsDownHandsTheLeaseOverAtOnce() throws Exception {
        // Leases of 30 s: a successor that leads within 10 s got a released Lease, not an expired
        // one. Cancelling an elector is what JOSDK does at shutdown (release-on-cancel off).
        CompletableFuture<?> old =
                elect("it-leader", new CountDownLatch(1), Duration.ofSeconds(30));
        await().atMost(Duration.ofSeconds(20)).until(() -> "it-leader".equals(leaseHolder()));
        old.cancel(true);
        assertThat(leaseHolder()).as("cancelled, not released").isEqualTo("it-leader");

        assertThat(LeaseHandover.release(operatorClient, OPERATOR_NAMESPACE, LEASE, "it-leader"))
                .isTrue();
        Lease released = admin.leases().inNamespace(OPERATOR_NAMESPACE).withName(LEASE).get();
        assertThat(released.getSpec().getHolderIdentity()).isNull();
        assertThat(released.getSpec().getLeaseDurationSeconds()).isEqualTo(1);

        CountDownLatch nextLeads = new CountDownLatch(1);
        CompletableFuture<?> next = elect("it-next", nextLeads, Duration.ofSeconds(30));
        try {
            assertThat(nextLeads.await(10, TimeUnit.SECONDS)).as("successor leads").isTrue();
            // The old leader, shutting down late, must not take the Lease from its successor.
            assertThat(
                            LeaseHandover.release(
                                    operatorClient, OPERATOR_NAMESPACE, LEASE, "it-leader"))
                    .isFalse();
            Lease kept = admin.leases().inNamespace(OPERATOR_NAMESPACE).withName(LEASE).get();
            assertThat(kept.getSpec().getHolderIdentity()).isEqualTo("it-next");
            // (Its resourceVersion moves with every renewal; a release would have shortened this.)
            assertThat(kept.getSpec().getLeaseDurationSeconds()).isEqualTo(30);
        } finally {
            next.cancel(true);
            // Free the Lease for the other election test.
            LeaseHandover.release(operatorClient, OPERATOR_NAMESPACE, LEASE, "it-next");
        }
    }

    private String leaseHolder() {
        Lease lease = admin.leases().inNamespace(OPERATOR_NAMESPACE).withName(LEASE).get();
        return lease == null ? null : lease.getSpec().getHolderIdentity();
    }

    private CompletableFuture<?> elect(String identity, CountDownLatch leading, Duration lease) {
        return operatorClient
                .leaderElector()
                .withConfig(
                        new LeaderElectionConfigBuilder()
                                .withName("geodr-it")
                                .withLock(new LeaseLock(OPERATOR_NAMESPACE, LEASE, identity))
                                .withLeaseDuration(lease)
                                .withRenewDeadline(Duration.ofSeconds(3))
                                .withRetryPeriod(Duration.ofMillis(500))
                                .withLeaderCallbacks(
                                        new LeaderCallbacks(leading::countDown, () -> {}, id -> {}))
                                .build())
                .build()
                .start();
    }

    // ------------------------------------------------------------------ what it must not do

    record Forbidden(String name, Consumer<KubernetesClient> attempt) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> forbidden() {
        return Stream.of(
                        new Forbidden(
                                "delete a Secret",
                                c ->
                                        c.secrets()
                                                .inNamespace("default")
                                                .withName("rbac-probe")
                                                .delete()),
                        new Forbidden("list pods", c -> c.pods().inAnyNamespace().list()),
                        new Forbidden(
                                "read ConfigMaps",
                                c -> c.configMaps().inNamespace("default").list()),
                        new Forbidden(
                                "create a ConfigMap",
                                c ->
                                        c.configMaps()
                                                .inNamespace("default")
                                                .resource(
                                                        new ConfigMapBuilder()
                                                                .withNewMetadata()
                                                                .withName("x")
                                                                .endMetadata()
                                                                .build())
                                                .create()),
                        new Forbidden(
                                "delete a ServiceBusGeoPairing",
                                c ->
                                        c.resources(ServiceBusGeoPairing.class)
                                                .inNamespace("default")
                                                .withName("anything")
                                                .delete()),
                        new Forbidden(
                                "create a ServiceBusGeoPairing",
                                c ->
                                        c.resources(ServiceBusGeoPairing.class)
                                                .inNamespace("default")
                                                .resource(probePairing())
                                                .create()),
                        new Forbidden(
                                "delete a ServiceBusGeoReplication",
                                c ->
                                        c.resources(ServiceBusGeoReplication.class)
                                                .inNamespace("default")
                                                .withName("anything")
                                                .delete()),
                        new Forbidden(
                                "create a ServiceBusGeoReplication",
                                c ->
                                        c.resources(ServiceBusGeoReplication.class)
                                                .resource(probeReplication("default", "rbac-probe"))
                                                .create()),
                        new Forbidden(
                                "read CRDs",
                                c -> c.apiextensions().v1().customResourceDefinitions().list()),
                        new Forbidden(
                                "take a Lease outside its namespace",
                                c ->
                                        c.leases()
                                                .inNamespace("default")
                                                .resource(
                                                        new LeaseBuilder()
                                                                .withNewMetadata()
                                                                .withName("x")
                                                                .endMetadata()
                                                                .build())
                                                .create()),
                        new Forbidden(
                                "delete its own Lease",
                                c ->
                                        c.leases()
                                                .inNamespace(OPERATOR_NAMESPACE)
                                                .withName(LEASE)
                                                .delete()),
                        new Forbidden(
                                "grant itself a ClusterRole",
                                c ->
                                        c.rbac()
                                                .clusterRoles()
                                                .resource(
                                                        new ClusterRoleBuilder()
                                                                .withNewMetadata()
                                                                .withName("geodr-it-escalate")
                                                                .endMetadata()
                                                                .build())
                                                .create()),
                        new Forbidden(
                                "mint tokens for its own ServiceAccount",
                                c ->
                                        c.serviceAccounts()
                                                .inNamespace(OPERATOR_NAMESPACE)
                                                .withName(OPERATOR_SERVICE_ACCOUNT)
                                                .tokenRequest(
                                                        new TokenRequestBuilder()
                                                                .withNewSpec()
                                                                .endSpec()
                                                                .build())))
                .map(Arguments::of);
    }

    private static ServiceBusGeoPairing probePairing() {
        ServiceBusGeoPairing cr = new ServiceBusGeoPairing();
        cr.setMetadata(
                new ObjectMetaBuilder().withName("rbac-probe").withNamespace("default").build());
        cr.setSpec(new ServiceBusGeoPairingSpec());
        cr.getSpec().setAlias("probe");
        cr.getSpec().setPrimaryNamespace(OperatorHarness.id("probe-weu"));
        cr.getSpec().setPartnerNamespace(OperatorHarness.id("probe-neu"));
        return cr;
    }

    private static ServiceBusGeoReplication probeReplication(String namespace, String name) {
        ServiceBusGeoReplication cr = new ServiceBusGeoReplication();
        cr.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(namespace).build());
        cr.setSpec(new ServiceBusGeoReplicationSpec());
        cr.getSpec().setNamespace(OperatorHarness.id("probe-geo"));
        cr.getSpec().setPrimaryLocation("westeurope");
        cr.getSpec().setSecondaryLocation("northeurope");
        return cr;
    }

    @ParameterizedTest(name = "the operator may not {0}")
    @MethodSource("forbidden")
    void theServiceAccountIsRefused(Forbidden f) {
        admin.secrets()
                .inNamespace("default")
                .resource(
                        new SecretBuilder()
                                .withNewMetadata()
                                .withName("rbac-probe")
                                .endMetadata()
                                .withStringData(Map.of("k", "v"))
                                .build())
                .serverSideApply();
        assertThatThrownBy(() -> f.attempt().accept(operatorClient))
                .isInstanceOfSatisfying(
                        KubernetesClientException.class,
                        e -> {
                            assertThat(e.getCode()).as("HTTP status").isEqualTo(403);
                            assertThat(e.getMessage()).contains(OPERATOR_USER);
                        });
        assertThat(admin.secrets().inNamespace("default").withName("rbac-probe").get())
                .as("probe Secret kept")
                .isNotNull();
    }

    private static String decode(Secret secret, String key) {
        return new String(
                Base64.getDecoder().decode(secret.getData().get(key)), StandardCharsets.UTF_8);
    }
}
