package dev.geodr.servicebus.api.v1alpha1;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.geodr.servicebus.arm.NamespaceRef;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every example a user copies must be accepted by the CRD: it deserializes into the model and meets
 * the committed CRD's patterns, lengths, enums and the intent of its CEL rules (checked here in
 * Java; the API server itself is exercised by the real-API-server tests).
 */
class ExamplesTest {

    static final Path EXAMPLES = Path.of("examples");
    static final Path SEED = EXAMPLES.resolve("simulator/seed.yaml");
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    static final KubernetesSerialization K8S = new KubernetesSerialization();

    static final Path REPLICATION_CRD_FILE =
            Path.of("crds", "servicebusgeoreplications.servicebus.geodr.dev-v1.yml");

    static JSONSchemaProps spec;
    static JSONSchemaProps replicationSpec;

    @BeforeAll
    static void loadCrd() throws IOException {
        spec = specSchema(CrdModelTest.loadCrd());
        try (InputStream in = Files.newInputStream(REPLICATION_CRD_FILE)) {
            replicationSpec = specSchema(K8S.unmarshal(in, CustomResourceDefinition.class));
        }
    }

    static JSONSchemaProps specSchema(CustomResourceDefinition crd) {
        return crd.getSpec()
                .getVersions()
                .get(0)
                .getSchema()
                .getOpenAPIV3Schema()
                .getProperties()
                .get("spec");
    }

    static Stream<Path> pairingFiles() throws IOException {
        return filesOfKind("ServiceBusGeoPairing");
    }

    static Stream<Path> replicationFiles() throws IOException {
        return filesOfKind("ServiceBusGeoReplication");
    }

    static Stream<Path> filesOfKind(String kind) throws IOException {
        try (Stream<Path> files = Files.walk(EXAMPLES)) {
            List<Path> matching =
                    files.filter(p -> p.toString().endsWith(".yaml"))
                            .filter(
                                    p -> {
                                        try {
                                            return YAML.readTree(p.toFile())
                                                    .path("kind")
                                                    .asText()
                                                    .equals(kind);
                                        } catch (IOException e) {
                                            throw new IllegalStateException(
                                                    p + ": " + e.getMessage(), e);
                                        }
                                    })
                            .sorted()
                            .toList();
            return matching.stream();
        }
    }

    @Test
    void theExpectedExamplesExist() throws IOException {
        assertThat(pairingFiles().map(p -> EXAMPLES.relativize(p).toString().replace('\\', '/')))
                .containsExactlyInAnyOrder(
                        "pairing.yaml",
                        "pairing-with-connection-secret.yaml",
                        "pairing-delete-policy.yaml",
                        "failover/orders-failover.yaml",
                        "failover/orders-fail-forward.yaml",
                        "credentials/pairing-with-credentials.yaml",
                        "multi-cluster/orders.yaml",
                        "multi-cluster/orders-handover.yaml");
        assertThat(
                        replicationFiles()
                                .map(p -> EXAMPLES.relativize(p).toString().replace('\\', '/')))
                .containsExactlyInAnyOrder(
                        "georeplication.yaml",
                        "georeplication-synchronous.yaml",
                        "georeplication/promote-planned.yaml",
                        "georeplication/promote-forced.yaml");
    }

    @ParameterizedTest
    @MethodSource("replicationFiles")
    void replicationExampleDeserializesAndMeetsTheCrd(Path file) throws IOException {
        ServiceBusGeoReplication cr =
                K8S.unmarshal(Files.readString(file), ServiceBusGeoReplication.class);
        assertThat(cr.getApiVersion()).isEqualTo("servicebus.geodr.dev/v1alpha1");
        assertThat(cr.getMetadata().getName()).isNotBlank();
        assertThat(cr.getMetadata().getNamespace())
                .as("examples apply to the current namespace")
                .isNull();
        ServiceBusGeoReplicationSpec s = cr.getSpec();

        assertMatches(replicationSpec, file, "namespace", s.getNamespace());
        assertThat(NamespaceRef.isValidId(s.getNamespace())).isTrue();
        assertMatches(replicationSpec, file, "primaryLocation", s.getPrimaryLocation());
        assertMatches(replicationSpec, file, "secondaryLocation", s.getSecondaryLocation());
        assertThat(s.getPrimaryLocation().toLowerCase(Locale.ROOT).replace(" ", ""))
                .as("%s: the two regions differ", file)
                .isNotEqualTo(s.getSecondaryLocation().toLowerCase(Locale.ROOT).replace(" ", ""));
        assertThat(s.getMaxReplicationLagSeconds())
                .as("%s: 0 (synchronous) or 300..86400", file)
                .satisfiesAnyOf(
                        v -> assertThat(v).isZero(), v -> assertThat(v).isBetween(300L, 86400L));
        assertThat(s.getPromotionRequested()).isNotNegative();
        assertThat(enumValues(replicationSpec, "promotionMode"))
                .contains(s.getPromotionMode().name());
        assertThat(enumValues(replicationSpec, "deletionPolicy"))
                .contains(s.getDeletionPolicy().name());

        JsonNode rawSpec = YAML.readTree(file.toFile()).path("spec");
        rawSpec.fieldNames()
                .forEachRemaining(
                        name ->
                                assertThat(replicationSpec.getProperties())
                                        .as("%s: spec.%s", file, name)
                                        .containsKey(name));

        ServiceBusGeoReplication again =
                K8S.unmarshal(K8S.asYaml(cr), ServiceBusGeoReplication.class);
        assertThat(again.getSpec()).isEqualTo(s);
    }

    @Test
    void replicationExamples() throws IOException {
        ServiceBusGeoReplicationSpec shipping = readReplication("georeplication.yaml");
        assertThat(name(shipping.getNamespace())).isEqualTo("shipping");
        assertThat(shipping.getPrimaryLocation()).isEqualTo("westeurope");
        assertThat(shipping.getSecondaryLocation()).isEqualTo("northeurope");
        assertThat(shipping.getMaxReplicationLagSeconds()).isEqualTo(300);
        assertThat(shipping.getPromotionRequested()).isZero();
        assertThat(shipping.getPromotionMode()).isEqualTo(PromotionMode.Planned);

        ServiceBusGeoReplicationSpec ledger = readReplication("georeplication-synchronous.yaml");
        assertThat(name(ledger.getNamespace())).isEqualTo("ledger");
        assertThat(ledger.getMaxReplicationLagSeconds()).as("synchronous").isZero();

        // the promotion examples are one-line changes of georeplication.yaml
        ServiceBusGeoReplicationSpec planned =
                readReplication("georeplication/promote-planned.yaml");
        shipping.setPromotionRequested(1);
        assertThat(planned).isEqualTo(shipping);
        ServiceBusGeoReplicationSpec forced = readReplication("georeplication/promote-forced.yaml");
        shipping.setPromotionMode(PromotionMode.Forced);
        assertThat(forced).isEqualTo(shipping);
    }

    @ParameterizedTest
    @MethodSource("pairingFiles")
    void exampleDeserializesAndMeetsTheCrd(Path file) throws IOException {
        ServiceBusGeoPairing cr = K8S.unmarshal(Files.readString(file), ServiceBusGeoPairing.class);
        assertThat(cr.getApiVersion()).isEqualTo("servicebus.geodr.dev/v1alpha1");
        assertThat(cr.getMetadata().getName()).isNotBlank();
        assertThat(cr.getMetadata().getNamespace())
                .as("examples apply to the current namespace")
                .isNull();
        ServiceBusGeoPairingSpec s = cr.getSpec();

        assertMatches(file, "alias", s.getAlias());
        assertMatches(file, "primaryNamespace", s.getPrimaryNamespace());
        assertMatches(file, "partnerNamespace", s.getPartnerNamespace());
        assertThat(NamespaceRef.isValidId(s.getPrimaryNamespace())).isTrue();
        assertThat(s.getPrimaryNamespace().toLowerCase(Locale.ROOT))
                .as("%s: primary and partner differ", file)
                .isNotEqualTo(s.getPartnerNamespace().toLowerCase(Locale.ROOT));
        if (s.getAlternateName() != null) {
            assertMatches(file, "alternateName", s.getAlternateName());
            assertThat(s.getAlias())
                    .isEqualToIgnoringCase(NamespaceRef.parse(s.getPrimaryNamespace()).name());
        }
        assertThat(s.getFailoverRequested()).isNotNegative();
        assertThat(enumValues("failoverMode")).contains(s.getFailoverMode().name());
        assertThat(enumValues("deletionPolicy")).contains(s.getDeletionPolicy().name());
        if (s.getConnectionSecret() != null) {
            assertThat(s.getConnectionSecret().getName())
                    .matches(
                            pattern(
                                    spec.getProperties()
                                            .get("connectionSecret")
                                            .getProperties()
                                            .get("name")));
        }
        if (s.getCredentialsSecretRef() != null) {
            assertThat(s.getCredentialsSecretRef().getName())
                    .matches(
                            pattern(
                                    spec.getProperties()
                                            .get("credentialsSecretRef")
                                            .getProperties()
                                            .get("name")));
        }

        // the raw file uses only fields the CRD knows (nothing would be pruned silently)
        JsonNode rawSpec = YAML.readTree(file.toFile()).path("spec");
        rawSpec.fieldNames()
                .forEachRemaining(
                        name ->
                                assertThat(spec.getProperties())
                                        .as("%s: spec.%s", file, name)
                                        .containsKey(name));

        // the model round-trips what the user wrote
        ServiceBusGeoPairing again = K8S.unmarshal(K8S.asYaml(cr), ServiceBusGeoPairing.class);
        assertThat(again.getSpec()).isEqualTo(s);
    }

    @Test
    void specificExamples() throws IOException {
        ServiceBusGeoPairingSpec orders = read("pairing.yaml");
        assertThat(orders.getAlias()).isEqualTo("orders");
        assertThat(name(orders.getPrimaryNamespace())).isEqualTo("orders-weu");
        assertThat(name(orders.getPartnerNamespace())).isEqualTo("orders-neu");
        assertThat(orders.getFailoverRequested()).isZero();

        ServiceBusGeoPairingSpec payments = read("pairing-with-connection-secret.yaml");
        assertThat(payments.getConnectionSecret().getName()).isEqualTo("payments-alias-connection");
        assertThat(payments.getConnectionSecret().getAuthorizationRule())
                .isEqualTo("RootManageSharedAccessKey");

        assertThat(read("pairing-delete-policy.yaml").getDeletionPolicy())
                .isEqualTo(DeletionPolicy.Delete);

        ServiceBusGeoPairingSpec bump = read("failover/orders-failover.yaml");
        assertThat(bump.getAlias()).isEqualTo(orders.getAlias());
        assertThat(bump.getPrimaryNamespace()).isEqualTo(orders.getPrimaryNamespace());
        assertThat(bump.getPartnerNamespace()).isEqualTo(orders.getPartnerNamespace());
        assertThat(bump.getFailoverRequested()).isEqualTo(1);

        ServiceBusGeoPairingSpec forward = read("failover/orders-fail-forward.yaml");
        assertThat(forward.getAlias()).isEqualTo(orders.getAlias());
        assertThat(forward.getPrimaryNamespace())
                .as("the new primary is the old partner")
                .isEqualTo(orders.getPartnerNamespace());
        assertThat(name(forward.getPartnerNamespace())).isEqualTo("orders-frc");
        assertThat(forward.getFailoverRequested())
                .as("never lowered")
                .isEqualTo(bump.getFailoverRequested());

        ServiceBusGeoPairingSpec billing = read("credentials/pairing-with-credentials.yaml");
        JsonNode secret =
                YAML.readTree(
                        EXAMPLES.resolve("credentials/azure-credentials-secret.yaml").toFile());
        assertThat(secret.path("kind").asText()).isEqualTo("Secret");
        assertThat(secret.path("metadata").path("name").asText())
                .isEqualTo(billing.getCredentialsSecretRef().getName());
        Set<String> keys = new HashSet<>();
        secret.path("stringData").fieldNames().forEachRemaining(keys::add);
        assertThat(keys)
                .containsExactlyInAnyOrder(
                        "AZURE_TENANT_ID", "AZURE_CLIENT_ID", "AZURE_CLIENT_SECRET");
        secret.path("stringData")
                .forEach(
                        v ->
                                assertThat(v.asText())
                                        .as("placeholders only")
                                        .startsWith("<")
                                        .endsWith(">"));
    }

    @Test
    void simulatorSeedHoldsEveryNamespaceTheExamplesUse() throws IOException {
        List<Map<String, Object>> seed = YAML.readValue(SEED.toFile(), new TypeReference<>() {});
        Set<String> replicated = new HashSet<>();
        for (Path file : replicationFiles().toList()) {
            replicated.add(
                    name(K8S.unmarshal(Files.readString(file), ServiceBusGeoReplication.class)
                                    .getSpec()
                                    .getNamespace())
                            .toLowerCase(Locale.ROOT));
        }
        Set<String> seeded = new HashSet<>();
        for (Map<String, Object> ns : seed) {
            assertThat(ns)
                    .containsOnlyKeys(
                            "subscriptionId",
                            "resourceGroup",
                            "name",
                            "location",
                            "sku",
                            "partitions",
                            "entities",
                            "privateEndpoints");
            assertThat(ns.get("subscriptionId")).isEqualTo("00000000-0000-0000-0000-000000000000");
            assertThat(ns.get("resourceGroup")).isEqualTo("geodr-demo");
            assertThat(ns.get("sku")).isEqualTo("Premium");
            String name = (String) ns.get("name");
            assertThat(name).matches(FieldPatterns.NAMESPACE_NAME);
            // a Geo-Replication example's namespace: its own region westeurope, with entities
            boolean geo = replicated.contains(name.toLowerCase(Locale.ROOT));
            String expectedLocation =
                    geo || name.endsWith("-weu")
                            ? "westeurope"
                            : name.endsWith("-neu") ? "northeurope" : "francecentral";
            assertThat(ns.get("location")).as(name).isEqualTo(expectedLocation);
            assertThat(ns.get("entities"))
                    .as(name)
                    .isEqualTo(geo || name.endsWith("-weu") ? 25 : 0);
            assertThat(seeded.add(name.toLowerCase(Locale.ROOT))).as("duplicate " + name).isTrue();
        }
        Set<String> used = new HashSet<>();
        for (Path file : pairingFiles().toList()) {
            ServiceBusGeoPairingSpec s =
                    K8S.unmarshal(Files.readString(file), ServiceBusGeoPairing.class).getSpec();
            used.add(name(s.getPrimaryNamespace()).toLowerCase(Locale.ROOT));
            used.add(name(s.getPartnerNamespace()).toLowerCase(Locale.ROOT));
        }
        assertThat(replicated)
                .as("Geo-DR and Geo-Replication never share a namespace")
                .doesNotContainAnyElementsOf(used);
        used.addAll(replicated);
        assertThat(seeded).isEqualTo(used);
    }

    static ServiceBusGeoPairingSpec read(String file) throws IOException {
        return K8S.unmarshal(Files.readString(EXAMPLES.resolve(file)), ServiceBusGeoPairing.class)
                .getSpec();
    }

    static ServiceBusGeoReplicationSpec readReplication(String file) throws IOException {
        return K8S.unmarshal(
                        Files.readString(EXAMPLES.resolve(file)), ServiceBusGeoReplication.class)
                .getSpec();
    }

    static String name(String armId) {
        return NamespaceRef.parse(armId).name();
    }

    static List<String> enumValues(String field) {
        return enumValues(spec, field);
    }

    static List<String> enumValues(JSONSchemaProps schema, String field) {
        return schema.getProperties().get(field).getEnum().stream().map(JsonNode::asText).toList();
    }

    static String pattern(JSONSchemaProps field) {
        return field.getPattern();
    }

    static void assertMatches(Path file, String field, String value) {
        assertMatches(spec, file, field, value);
    }

    static void assertMatches(JSONSchemaProps specSchema, Path file, String field, String value) {
        JSONSchemaProps schema = specSchema.getProperties().get(field);
        assertThat(value).as("%s: spec.%s", file, field).isNotNull();
        assertThat(Pattern.compile(schema.getPattern()).matcher(value).matches())
                .as("%s: spec.%s=%s matches %s", file, field, value, schema.getPattern())
                .isTrue();
        if (schema.getMaxLength() != null) {
            assertThat((long) value.length())
                    .as("%s: spec.%s length", file, field)
                    .isLessThanOrEqualTo(schema.getMaxLength());
        }
        if (schema.getMinLength() != null) {
            assertThat((long) value.length())
                    .as("%s: spec.%s length", file, field)
                    .isGreaterThanOrEqualTo(schema.getMinLength());
        }
    }
}
