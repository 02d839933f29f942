package dev.geodr.servicebus.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.geodr.servicebus.api.v1alpha1.DeletionPolicy;
import dev.geodr.servicebus.api.v1alpha1.FailoverMode;
import dev.geodr.servicebus.api.v1alpha1.ServiceBusGeoPairing;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.StatusCause;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.NonNamespaceOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The committed CRD on a real kube-apiserver (OpenAPI schema, defaults, enums, patterns and CEL
 * rules as the API server itself evaluates them): every example round-trips with its defaults
 * filled, and a table of bad inputs is refused at admission with a 422 whose message names the
 * field and the rule. No operator runs here.
 */
@RequiresKubeBinaries
class CrdAdmissionIT {

    static final String NS = "default";
    static final String API_VERSION =
            ServiceBusGeoPairing.GROUP + "/" + ServiceBusGeoPairing.VERSION;
    static final String KIND = "ServiceBusGeoPairing";
    static final String REPLICATION_KIND = "ServiceBusGeoReplication";
    static final String SUB =
            "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/geodr-demo"
                    + "/providers/Microsoft.ServiceBus/namespaces/";
    static final String GUID0 = "00000000-0000-0000-0000-000000000000";

    /** The partner orders-neu in another resource group. */
    static String inGroup(String resourceGroup) {
        return SUB.replace("geodr-demo", resourceGroup) + "orders-neu";
    }

    static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
    static final AtomicInteger NAMES = new AtomicInteger();

    static TestApiServer api;
    static KubernetesClient admin;

    @BeforeAll
    static void start() {
        api = TestApiServer.start("crd-admission");
        admin = api.admin();
        CustomResourceDefinition crd = api.applyCrd();
        assertThat(crd.getStatus().getAcceptedNames().getShortNames())
                .containsExactlyInAnyOrder("sbgp", "geopairing");
        CustomResourceDefinition replication =
                api.awaitEstablished(TestApiServer.REPLICATION_CRD_NAME);
        assertThat(replication.getStatus().getAcceptedNames().getShortNames())
                .containsExactlyInAnyOrder("sbgr", "georeplication");
    }

    @AfterAll
    static void stop() {
        if (api != null) {
            api.close();
        }
    }

    static NonNamespaceOperation<
                    GenericKubernetesResource,
                    GenericKubernetesResourceList,
                    Resource<GenericKubernetesResource>>
            pairings() {
        return admin.genericKubernetesResources(API_VERSION, KIND).inNamespace(NS);
    }

    static NonNamespaceOperation<
                    GenericKubernetesResource,
                    GenericKubernetesResourceList,
                    Resource<GenericKubernetesResource>>
            replications() {
        return admin.genericKubernetesResources(API_VERSION, REPLICATION_KIND).inNamespace(NS);
    }

    // ---------------------------------------------------------------- examples

    static Stream<Path> examples() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("examples"))) {
            List<Path> out = files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
            return out.stream().filter(CrdAdmissionIT::isPairing);
        }
    }

    private static boolean isPairing(Path file) {
        try {
            // seed.yaml is a list (simulator seed), the others are single Kubernetes objects.
            return KIND.equals(
                    SERIALIZATION.unmarshal(Files.readString(file), Object.class)
                                    instanceof Map<?, ?> m
                            ? m.get("kind")
                            : null);
        } catch (IOException e) {
            throw new IllegalStateException(file + ": " + e, e);
        }
    }

    private static GenericKubernetesResource read(Path file) {
        try {
            return SERIALIZATION.unmarshal(Files.readString(file), GenericKubernetesResource.class);
        } catch (IOException e) {
            throw new IllegalStateException(file + ": " + e, e);
        }
    }

    @Test
    void everyExampleDirectoryIsCovered() throws IOException {
        assertThat(examples().map(p -> p.getFileName().toString()))
                .contains(
                        "pairing.yaml",
                        "pairing-delete-policy.yaml",
                        "pairing-with-connection-secret.yaml",
                        "pairing-with-credentials.yaml",
                        "orders-failover.yaml",
                        "orders-fail-forward.yaml");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    @SuppressWarnings("unchecked")
    void exampleRoundTripsWithDefaultsFilled(Path file) {
        GenericKubernetesResource example = read(file);
        Map<String, Object> written =
                (Map<String, Object>) example.getAdditionalProperties().get("spec");
        // Several examples share the name "orders" (steps of one drill); each gets its own object
        // here.
        example.getMetadata()
                .setName("ex-" + NAMES.incrementAndGet() + "-" + example.getMetadata().getName());
        example.getMetadata().setNamespace(NS);

        GenericKubernetesResource created = pairings().resource(example).create();
        try {
            GenericKubernetesResource back =
                    pairings().withName(created.getMetadata().getName()).get();
            Map<String, Object> spec =
                    (Map<String, Object>) back.getAdditionalProperties().get("spec");
            // Nothing the example sets is pruned or changed.
            written.forEach(
                    (k, v) -> {
                        if (v instanceof Map<?, ?> nested) {
                            assertThat((Map<Object, Object>) spec.get(k))
                                    .as("%s spec.%s", file, k)
                                    .containsAllEntriesOf((Map<Object, Object>) nested);
                        } else {
                            assertThat(spec).as("%s spec.%s", file, k).containsEntry(k, v);
                        }
                    });
            // Defaults as the API contract states them.
            assertThat(spec.get("failoverMode"))
                    .isEqualTo(written.getOrDefault("failoverMode", "Safe"));
            assertThat(spec.get("deletionPolicy"))
                    .isEqualTo(written.getOrDefault("deletionPolicy", "Retain"));
            assertThat(((Number) spec.get("failoverRequested")).longValue())
                    .isEqualTo(((Number) written.getOrDefault("failoverRequested", 0)).longValue());
            if (spec.get("connectionSecret") instanceof Map<?, ?> cs) {
                assertThat(cs.get("authorizationRule")).isEqualTo("RootManageSharedAccessKey");
            }
            // The typed model reads what the API server stored.
            ServiceBusGeoPairing typed =
                    admin.resources(ServiceBusGeoPairing.class)
                            .inNamespace(NS)
                            .withName(created.getMetadata().getName())
                            .get();
            assertThat(typed.getSpec().getAlias()).isEqualTo(written.get("alias"));
            assertThat(typed.getSpec().getFailoverMode())
                    .isIn(FailoverMode.Safe, FailoverMode.Forced);
            assertThat(typed.getSpec().getDeletionPolicy())
                    .isIn(DeletionPolicy.Retain, DeletionPolicy.Delete);
            assertThat(typed.getMetadata().getGeneration()).isEqualTo(1L);
        } finally {
            pairings().withName(created.getMetadata().getName()).delete();
        }
    }

    @Test
    void aMinimalPairingGetsEveryDefault() {
        GenericKubernetesResource created = pairings().resource(pairing(s -> {})).create();
        Map<?, ?> spec = (Map<?, ?>) created.getAdditionalProperties().get("spec");
        assertThat(spec.get("failoverMode")).isEqualTo("Safe");
        assertThat(spec.get("deletionPolicy")).isEqualTo("Retain");
        assertThat(((Number) spec.get("failoverRequested")).longValue()).isZero();
        // status defaults to {observedGeneration: 0}, so kstatus reads a new object as InProgress,
        // not Current
        assertThat(created.getAdditionalProperties().get("status"))
                .isEqualTo(Map.of("observedGeneration", 0));
    }

    // ---------------------------------------------------------------- the admission table

    /** A valid pairing (alias "orders", orders-weu → orders-neu) with one edit applied. */
    static GenericKubernetesResource pairing(Consumer<Map<String, Object>> edit) {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("alias", "orders");
        spec.put("primaryNamespace", SUB + "orders-weu");
        spec.put("partnerNamespace", SUB + "orders-neu");
        edit.accept(spec);
        GenericKubernetesResource r = new GenericKubernetesResource();
        r.setApiVersion(API_VERSION);
        r.setKind(KIND);
        r.setMetadata(
                new ObjectMetaBuilder()
                        .withName("case-" + NAMES.incrementAndGet())
                        .withNamespace(NS)
                        .build());
        r.setAdditionalProperty("spec", spec);
        return r;
    }

    static Consumer<Map<String, Object>> set(String field, Object value) {
        return s -> s.put(field, value);
    }

    static Consumer<Map<String, Object>> remove(String field) {
        return s -> s.remove(field);
    }

    static Consumer<Map<String, Object>> none() {
        return s -> {};
    }

    /**
     * {@code old == null}: a create; otherwise create {@code old} (must be accepted), then replace
     * it with {@code edit}. {@code field == null}: must be accepted.
     */
    record Case(
            String name,
            Consumer<Map<String, Object>> old,
            Consumer<Map<String, Object>> edit,
            String field,
            List<String> fragments) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Case refused(
            String name, Consumer<Map<String, Object>> edit, String field, String... fragments) {
        return new Case(name, null, edit, field, List.of(fragments));
    }

    static Case refusedUpdate(
            String name,
            Consumer<Map<String, Object>> old,
            Consumer<Map<String, Object>> edit,
            String field,
            String... fragments) {
        return new Case(name, old, edit, field, List.of(fragments));
    }

    static Case accepted(String name, Consumer<Map<String, Object>> edit) {
        return new Case(name, null, edit, null, List.of());
    }

    static Case acceptedUpdate(
            String name, Consumer<Map<String, Object>> old, Consumer<Map<String, Object>> edit) {
        return new Case(name, old, edit, null, List.of());
    }

    static Stream<Arguments> table() {
        String alias51 = "a" + "b".repeat(50);
        List<Case> cases =
                new ArrayList<>(
                        List.of(
                                // alias: pattern and length
                                refused(
                                        "alias starting with a digit",
                                        set("alias", "1orders"),
                                        "spec.alias",
                                        "should match"),
                                refused(
                                        "alias ending with a hyphen",
                                        set("alias", "orders-"),
                                        "spec.alias",
                                        "should match"),
                                refused(
                                        "alias with an underscore",
                                        set("alias", "or_ders"),
                                        "spec.alias",
                                        "should match"),
                                refused(
                                        "alias of 51 characters",
                                        set("alias", alias51),
                                        "spec.alias",
                                        "50"),
                                refused("empty alias", set("alias", ""), "spec.alias"),
                                refused("missing alias", remove("alias"), "spec.alias", "Required"),
                                accepted("alias of 1 letter", set("alias", "a")),
                                accepted("alias of 50 characters", set("alias", "a".repeat(50))),
                                // ARM ids
                                refused(
                                        "primaryNamespace is a bare name",
                                        set("primaryNamespace", "orders-weu"),
                                        "spec.primaryNamespace",
                                        "should match"),
                                refused(
                                        "primaryNamespace of another provider",
                                        set(
                                                "primaryNamespace",
                                                SUB.replace("ServiceBus", "EventHub")
                                                        + "orders-weu"),
                                        "spec.primaryNamespace",
                                        "should match"),
                                refused(
                                        "partnerNamespace is a bare name",
                                        set("partnerNamespace", "orders-neu"),
                                        "spec.partnerNamespace",
                                        "should match"),
                                refused(
                                        "partnerNamespace with a too short name",
                                        set("partnerNamespace", SUB + "ab"),
                                        "spec.partnerNamespace",
                                        "should match"),
                                // ARM's own segment rules (FieldPatterns.NAMESPACE_ID)
                                refused(
                                        "partnerNamespace with a non-GUID subscription",
                                        set(
                                                "partnerNamespace",
                                                SUB.replace(GUID0, "abc") + "orders-neu"),
                                        "spec.partnerNamespace",
                                        "should match"),
                                refused(
                                        "partnerNamespace in resource group ..",
                                        set("partnerNamespace", inGroup("..")),
                                        "spec.partnerNamespace",
                                        "should match"),
                                refused(
                                        "partnerNamespace in a resource group ending with a period",
                                        set("partnerNamespace", inGroup("rg.")),
                                        "spec.partnerNamespace",
                                        "should match"),
                                refused(
                                        "partnerNamespace in resource group rg?x=1",
                                        set("partnerNamespace", inGroup("rg?x=1")),
                                        "spec.partnerNamespace",
                                        "should match"),
                                refused(
                                        "partnerNamespace in resource group rg#x",
                                        set("partnerNamespace", inGroup("rg#x")),
                                        "spec.partnerNamespace",
                                        "should match"),
                                refused(
                                        "partnerNamespace in a 91-char resource group",
                                        set("partnerNamespace", inGroup("r".repeat(91))),
                                        "spec.partnerNamespace",
                                        "should match"),
                                accepted(
                                        "partnerNamespace in a 90-char resource group",
                                        set("partnerNamespace", inGroup("r".repeat(90)))),
                                accepted(
                                        "partnerNamespace with lower-case resourcegroups",
                                        set(
                                                "partnerNamespace",
                                                SUB.replace("resourceGroups", "resourcegroups")
                                                        + "orders-neu")),
                                accepted(
                                        "primaryNamespace with upper-case MICROSOFT.SERVICEBUS",
                                        set(
                                                "primaryNamespace",
                                                SUB.replace(
                                                                "Microsoft.ServiceBus",
                                                                "MICROSOFT.SERVICEBUS")
                                                        + "orders-weu")),
                                accepted(
                                        "partnerNamespace in a resource group with parentheses",
                                        set("partnerNamespace", inGroup("(rg)_x-1.y"))),
                                refused(
                                        "missing partnerNamespace",
                                        remove("partnerNamespace"),
                                        "spec.partnerNamespace",
                                        "Required"),
                                // primary == partner (CEL, case-insensitive)
                                refused(
                                        "primary == partner",
                                        set("partnerNamespace", SUB + "orders-weu"),
                                        "spec.partnerNamespace",
                                        "must name a different namespace than spec.primaryNamespace"),
                                refused(
                                        "primary == partner differing only in case",
                                        set(
                                                "partnerNamespace",
                                                SUB.replace("geodr-demo", "GEODR-DEMO")
                                                        + "Orders-WEU"),
                                        "spec.partnerNamespace",
                                        "must name a different namespace than spec.primaryNamespace"),
                                // enums and minimum
                                refused(
                                        "unknown failoverMode",
                                        set("failoverMode", "Gentle"),
                                        "spec.failoverMode",
                                        "Unsupported value",
                                        "\"Forced\"",
                                        "\"Safe\""),
                                refused(
                                        "lower-case failoverMode",
                                        set("failoverMode", "safe"),
                                        "spec.failoverMode",
                                        "Unsupported value"),
                                refused(
                                        "unknown deletionPolicy",
                                        set("deletionPolicy", "Orphan"),
                                        "spec.deletionPolicy",
                                        "Unsupported value",
                                        "\"Delete\"",
                                        "\"Retain\""),
                                refused(
                                        "negative failoverRequested",
                                        set("failoverRequested", -1),
                                        "spec.failoverRequested",
                                        "greater than or equal to 0"),
                                // writerCluster: a lowercase DNS label
                                refused(
                                        "writerCluster with upper case",
                                        set("writerCluster", "West"),
                                        "spec.writerCluster",
                                        "should match"),
                                refused(
                                        "writerCluster longer than a DNS label",
                                        set("writerCluster", "w".repeat(64)),
                                        "spec.writerCluster",
                                        "Too long"),
                                accepted(
                                        "writerCluster naming a cluster",
                                        set("writerCluster", "east-1")),
                                // alternateName (CEL)
                                refused(
                                        "alternateName when alias is not the primary namespace's name",
                                        set("alternateName", "orders-weu-alt"),
                                        "spec.alternateName",
                                        "may only be set when spec.alias equals the name of the spec.primaryNamespace"),
                                refused(
                                        "alternateName when alias is only a suffix of the primary namespace's name",
                                        s -> {
                                            s.put("alias", "weu");
                                            s.put("alternateName", "orders-weu-alt");
                                        },
                                        "spec.alternateName",
                                        "may only be set when"),
                                accepted(
                                        "alternateName when alias is the primary namespace's name",
                                        s -> {
                                            s.put("alias", "orders-weu");
                                            s.put("alternateName", "orders-weu-alt");
                                        }),
                                accepted(
                                        "alternateName when alias is the primary namespace's name in another case",
                                        s -> {
                                            s.put("alias", "Orders-WEU");
                                            s.put("alternateName", "orders-weu-alt");
                                        }),
                                // nested objects
                                refused(
                                        "connection Secret name that is no DNS subdomain",
                                        set("connectionSecret", Map.of("name", "Bad_Name")),
                                        "spec.connectionSecret.name",
                                        "should match"),
                                refused(
                                        "credentialsSecretRef without name",
                                        set("credentialsSecretRef", Map.of()),
                                        "spec.credentialsSecretRef.name",
                                        "Required"),
                                // transition rules (updates)
                                refusedUpdate(
                                        "update: failoverRequested decreased",
                                        set("failoverRequested", 3),
                                        set("failoverRequested", 2),
                                        "spec.failoverRequested",
                                        "may never decrease"),
                                refusedUpdate(
                                        "update: failoverRequested removed after a bump (defaults to 0)",
                                        set("failoverRequested", 1),
                                        remove("failoverRequested"),
                                        "spec.failoverRequested",
                                        "may never decrease"),
                                refusedUpdate(
                                        "update: alias changed",
                                        none(),
                                        set("alias", "orders2"),
                                        "spec.alias",
                                        "spec.alias is immutable"),
                                acceptedUpdate(
                                        "update: failover bump",
                                        set("failoverRequested", 2),
                                        set("failoverRequested", 3)),
                                acceptedUpdate(
                                        "update: fail-forward to a new primary and partner",
                                        set("failoverRequested", 1),
                                        s -> {
                                            s.put("failoverRequested", 1);
                                            s.put("primaryNamespace", SUB + "orders-neu");
                                            s.put("partnerNamespace", SUB + "orders-frc");
                                        }),
                                acceptedUpdate(
                                        "update: failoverMode and deletionPolicy changed",
                                        none(),
                                        s -> {
                                            s.put("failoverMode", "Forced");
                                            s.put("deletionPolicy", "Delete");
                                        })));
        return cases.stream().map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void admission(Case c) {
        admit(c, CrdAdmissionIT::pairing, pairings());
    }

    /**
     * Runs one row: {@code build} makes a valid object of the kind with an edit of its spec, {@code
     * objects} is where it is created.
     */
    static void admit(
            Case c,
            Function<Consumer<Map<String, Object>>, GenericKubernetesResource> build,
            NonNamespaceOperation<
                            GenericKubernetesResource,
                            GenericKubernetesResourceList,
                            Resource<GenericKubernetesResource>>
                    objects) {
        GenericKubernetesResource object;
        if (c.old() == null) {
            object = build.apply(c.edit());
        } else {
            GenericKubernetesResource old = objects.resource(build.apply(c.old())).create();
            // What the user wrote (as `kubectl replace` sends it), not the defaulted object read
            // back.
            object = build.apply(c.old().andThen(c.edit()));
            object.setMetadata(old.getMetadata());
        }
        if (c.field() == null) {
            GenericKubernetesResource stored =
                    c.old() == null
                            ? objects.resource(object).create()
                            : objects.resource(object).update();
            assertThat(stored.getMetadata().getResourceVersion()).isNotBlank();
            return;
        }
        GenericKubernetesResource toSend = object;
        assertThatThrownBy(
                        () -> {
                            if (c.old() == null) {
                                objects.resource(toSend).create();
                            } else {
                                objects.resource(toSend).update();
                            }
                        })
                .isInstanceOfSatisfying(
                        KubernetesClientException.class,
                        e -> {
                            assertThat(e.getCode()).as("HTTP status").isEqualTo(422);
                            assertThat(e.getStatus()).isNotNull();
                            String message = e.getStatus().getMessage();
                            assertThat(message)
                                    .as("the message names the field")
                                    .contains(c.field() + ":");
                            for (String fragment : c.fragments()) {
                                assertThat(message)
                                        .as("the message states the rule")
                                        .contains(fragment);
                            }
                            List<String> fields =
                                    e.getStatus().getDetails() == null
                                            ? List.of()
                                            : e.getStatus().getDetails().getCauses().stream()
                                                    .map(StatusCause::getField)
                                                    .toList();
                            assertThat(fields)
                                    .as("status.details.causes[].field")
                                    .contains(c.field());
                        });
        if (c.old() != null) {
            // The stored object is unchanged.
            GenericKubernetesResource stored =
                    objects.withName(object.getMetadata().getName()).get();
            assertThat(stored.getMetadata().getGeneration()).isEqualTo(1L);
        }
    }

    @Test
    void statusIsASubresourceThatSpecWritesCannotSet() {
        GenericKubernetesResource r = pairing(none());
        r.setAdditionalProperty("status", Map.of("role", "Primary"));
        GenericKubernetesResource created = pairings().resource(r).create();
        assertThat(created.getAdditionalProperties().get("status"))
                .as("only the schema default, not the written role")
                .isEqualTo(Map.of("observedGeneration", 0));
    }

    // ------------------------------------------------- ServiceBusGeoReplication

    static final String GEO_NAMESPACE = SUB + "orders-geo";

    /**
     * A valid replication (orders-geo, westeurope → northeurope) with one edit of its spec applied.
     */
    static GenericKubernetesResource replication(Consumer<Map<String, Object>> edit) {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("namespace", GEO_NAMESPACE);
        spec.put("primaryLocation", "westeurope");
        spec.put("secondaryLocation", "northeurope");
        edit.accept(spec);
        GenericKubernetesResource r = new GenericKubernetesResource();
        r.setApiVersion(API_VERSION);
        r.setKind(REPLICATION_KIND);
        r.setMetadata(
                new ObjectMetaBuilder()
                        .withName("geo-" + NAMES.incrementAndGet())
                        .withNamespace(NS)
                        .build());
        r.setAdditionalProperty("spec", spec);
        return r;
    }

    @Test
    void aMinimalReplicationGetsEveryDefault() {
        GenericKubernetesResource created = replications().resource(replication(none())).create();
        Map<?, ?> spec = (Map<?, ?>) created.getAdditionalProperties().get("spec");
        assertThat(((Number) spec.get("maxReplicationLagSeconds")).longValue()).isEqualTo(300L);
        assertThat(spec.get("promotionMode")).isEqualTo("Planned");
        assertThat(spec.get("deletionPolicy")).isEqualTo("Retain");
        assertThat(((Number) spec.get("promotionRequested")).longValue()).isZero();
        assertThat(spec.get("namespace")).isEqualTo(GEO_NAMESPACE);
        // As for pairings: kstatus reads a new object as InProgress until the operator saw it.
        assertThat(created.getAdditionalProperties().get("status"))
                .isEqualTo(Map.of("observedGeneration", 0));
        assertThat(created.getMetadata().getGeneration()).isEqualTo(1L);
    }

    @Test
    void aReplicationWithoutSpecIsRefused() {
        GenericKubernetesResource r = replication(none());
        r.getAdditionalProperties().remove("spec");
        assertThatThrownBy(() -> replications().resource(r).create())
                .isInstanceOfSatisfying(
                        KubernetesClientException.class,
                        e -> {
                            assertThat(e.getCode()).as("HTTP status").isEqualTo(422);
                            assertThat(e.getStatus().getMessage()).contains("spec: Required value");
                            assertThat(e.getStatus().getDetails().getCauses())
                                    .extracting(StatusCause::getField)
                                    .contains("spec");
                        });
    }

    static Stream<Arguments> replicationTable() {
        String lagRule = "must be 0 (synchronous) or between 300 (5 min) and 86400 (1 day)";
        String differentRegion = "must name a different region than spec.primaryLocation";
        return Stream.of(
                        // spec.namespace: an ARM id of a Service Bus namespace
                        refused(
                                "namespace is a bare name",
                                set("namespace", "orders-geo"),
                                "spec.namespace",
                                "should match"),
                        refused(
                                "namespace with a non-GUID subscription",
                                set("namespace", SUB.replace(GUID0, "abc") + "orders-geo"),
                                "spec.namespace",
                                "should match"),
                        refused(
                                "namespace of another provider",
                                set(
                                        "namespace",
                                        SUB.replace("ServiceBus", "EventHub") + "orders-geo"),
                                "spec.namespace",
                                "should match"),
                        refused(
                                "namespace with a too short name",
                                set("namespace", SUB + "geo"),
                                "spec.namespace",
                                "should match"),
                        refused(
                                "missing namespace",
                                remove("namespace"),
                                "spec.namespace",
                                "Required"),
                        accepted(
                                "namespace with upper-case keywords",
                                set(
                                        "namespace",
                                        GEO_NAMESPACE.replace(
                                                "Microsoft.ServiceBus", "MICROSOFT.SERVICEBUS"))),
                        // regions
                        refused(
                                "secondaryLocation equal to primaryLocation",
                                set("secondaryLocation", "westeurope"),
                                "spec.secondaryLocation",
                                differentRegion),
                        refused(
                                "secondaryLocation equal to primaryLocation in another spelling",
                                set("secondaryLocation", "West Europe"),
                                "spec.secondaryLocation",
                                differentRegion),
                        refused(
                                "primaryLocation in another spelling of secondaryLocation",
                                s -> {
                                    s.put("primaryLocation", "North Europe");
                                    s.put("secondaryLocation", "NORTHEUROPE");
                                },
                                "spec.secondaryLocation",
                                differentRegion),
                        refused(
                                "primaryLocation with a hyphen",
                                set("primaryLocation", "west-europe"),
                                "spec.primaryLocation",
                                "should match"),
                        refused(
                                "secondaryLocation with a hyphen",
                                set("secondaryLocation", "north-europe"),
                                "spec.secondaryLocation",
                                "should match"),
                        refused(
                                "missing secondaryLocation",
                                remove("secondaryLocation"),
                                "spec.secondaryLocation",
                                "Required"),
                        accepted(
                                "display-name regions",
                                s -> {
                                    s.put("primaryLocation", "West Europe");
                                    s.put("secondaryLocation", "North Europe");
                                }),
                        // maxReplicationLagSeconds: 0, or 300..86400
                        refused(
                                "maxReplicationLagSeconds 100",
                                set("maxReplicationLagSeconds", 100),
                                "spec.maxReplicationLagSeconds",
                                lagRule),
                        refused(
                                "maxReplicationLagSeconds 86401",
                                set("maxReplicationLagSeconds", 86401),
                                "spec.maxReplicationLagSeconds",
                                lagRule),
                        refused(
                                "maxReplicationLagSeconds 299",
                                set("maxReplicationLagSeconds", 299),
                                "spec.maxReplicationLagSeconds",
                                lagRule),
                        refused(
                                "negative maxReplicationLagSeconds",
                                set("maxReplicationLagSeconds", -1),
                                "spec.maxReplicationLagSeconds",
                                "greater than or equal to 0"),
                        accepted("maxReplicationLagSeconds 0", set("maxReplicationLagSeconds", 0)),
                        accepted(
                                "maxReplicationLagSeconds 300",
                                set("maxReplicationLagSeconds", 300)),
                        accepted(
                                "maxReplicationLagSeconds 86400",
                                set("maxReplicationLagSeconds", 86400)),
                        // enums and minimum
                        refused(
                                "promotionMode Soon",
                                set("promotionMode", "Soon"),
                                "spec.promotionMode",
                                "Unsupported value",
                                "\"Forced\"",
                                "\"Planned\""),
                        refused(
                                "unknown deletionPolicy",
                                set("deletionPolicy", "Orphan"),
                                "spec.deletionPolicy",
                                "Unsupported value"),
                        refused(
                                "negative promotionRequested",
                                set("promotionRequested", -1),
                                "spec.promotionRequested",
                                "greater than or equal to 0"),
                        refused(
                                "credentialsSecretRef without name",
                                set("credentialsSecretRef", Map.of()),
                                "spec.credentialsSecretRef.name",
                                "Required"),
                        // transition rules (updates)
                        refusedUpdate(
                                "update: promotionRequested decreased",
                                set("promotionRequested", 3),
                                set("promotionRequested", 2),
                                "spec.promotionRequested",
                                "may never decrease"),
                        refusedUpdate(
                                "update: promotionRequested removed after a bump (defaults to 0)",
                                set("promotionRequested", 1),
                                remove("promotionRequested"),
                                "spec.promotionRequested",
                                "may never decrease"),
                        refusedUpdate(
                                "update: namespace changed",
                                none(),
                                set("namespace", SUB + "other-geo"),
                                "spec.namespace",
                                "spec.namespace is immutable"),
                        acceptedUpdate(
                                "update: namespace changed in case only",
                                none(),
                                set(
                                        "namespace",
                                        GEO_NAMESPACE
                                                .replace("resourceGroups", "resourcegroups")
                                                .replace("orders-geo", "Orders-GEO"))),
                        acceptedUpdate(
                                "update: promotion bump",
                                set("promotionRequested", 2),
                                set("promotionRequested", 3)),
                        acceptedUpdate(
                                "update: promotionMode, lag and deletionPolicy changed",
                                none(),
                                s -> {
                                    s.put("promotionMode", "Forced");
                                    s.put("maxReplicationLagSeconds", 0);
                                    s.put("deletionPolicy", "Delete");
                                }))
                .map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("replicationTable")
    void replicationAdmission(Case c) {
        admit(c, CrdAdmissionIT::replication, replications());
    }
}
