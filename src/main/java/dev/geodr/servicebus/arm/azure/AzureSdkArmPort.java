package dev.geodr.servicebus.arm.azure;

import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.http.rest.PagedIterable;
import com.azure.core.util.Context;
import com.azure.json.JsonProviders;
import com.azure.json.JsonReader;
import com.azure.resourcemanager.servicebus.fluent.DisasterRecoveryConfigsClient;
import com.azure.resourcemanager.servicebus.fluent.ServiceBusManagementClient;
import com.azure.resourcemanager.servicebus.fluent.models.AccessKeysInner;
import com.azure.resourcemanager.servicebus.fluent.models.ArmDisasterRecoveryInner;
import com.azure.resourcemanager.servicebus.fluent.models.NetworkRuleSetInner;
import com.azure.resourcemanager.servicebus.fluent.models.SBNamespaceInner;
import com.azure.resourcemanager.servicebus.models.FailoverProperties;
import com.azure.resourcemanager.servicebus.models.NWRuleSetIpRules;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.geodr.servicebus.arm.AliasKeys;
import dev.geodr.servicebus.arm.AliasRecord;
import dev.geodr.servicebus.arm.AliasRole;
import dev.geodr.servicebus.arm.ArmErrorKind;
import dev.geodr.servicebus.arm.ArmException;
import dev.geodr.servicebus.arm.ArmGeoDrPort;
import dev.geodr.servicebus.arm.ArmIdentity;
import dev.geodr.servicebus.arm.CallPriority;
import dev.geodr.servicebus.arm.FailoverMode;
import dev.geodr.servicebus.arm.MessagingProvider;
import dev.geodr.servicebus.arm.NamespaceInfo;
import dev.geodr.servicebus.arm.NamespaceRef;
import dev.geodr.servicebus.arm.NamespaceSettings;
import dev.geodr.servicebus.arm.ProvisioningState;
import dev.geodr.servicebus.arm.RoleAssignment;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * The one adapter of {@link ArmGeoDrPort} over the Azure SDK ({@code
 * azure-resourcemanager-servicebus}, api-version 2021-11-01). Every failure leaves as a classified
 * {@link ArmException}; no SDK type crosses the port. Obtain it from {@link
 * AzureSdkArmPortFactory#forIdentity(ArmIdentity, CallPriority)}.
 *
 * <p>Calls block the calling thread: never call the port from a Vert.x event-loop thread.
 */
public final class AzureSdkArmPort implements ArmGeoDrPort {

    /**
     * The namespace GET uses a newer stable api-version than the SDK's 2021-11-01, because {@code
     * premiumMessagingPartitions} only exists from 2022-10-01-preview on.
     */
    static final String NAMESPACE_API_VERSION = "2024-01-01";

    /**
     * Role assignments are Microsoft.Authorization's, not Service Bus's: 2022-04-01 is its current
     * stable version (see docs/arm-adapter.md for why azure-resourcemanager-authorization is not
     * used).
     */
    static final String ROLE_ASSIGNMENTS_API_VERSION = "2022-04-01";

    /** A runaway nextLink chain stops here; a namespace with 20,000 assignments is not a case. */
    static final int MAX_ROLE_ASSIGNMENT_PAGES = 100;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Function<String, ServiceBusManagementClient> clientForSubscription;
    private final ArmErrorClassifier classifier;
    private final CallPriority priority;

    AzureSdkArmPort(
            Function<String, ServiceBusManagementClient> clientForSubscription,
            ArmErrorClassifier classifier) {
        this(clientForSubscription, classifier, CallPriority.ROUTINE);
    }

    private AzureSdkArmPort(
            Function<String, ServiceBusManagementClient> clientForSubscription,
            ArmErrorClassifier classifier,
            CallPriority priority) {
        this.clientForSubscription = Objects.requireNonNull(clientForSubscription);
        this.classifier = Objects.requireNonNull(classifier);
        this.priority = Objects.requireNonNull(priority);
    }

    /**
     * The per-subscription SDK clients, shared with the Geo-Replication port of the same identity.
     */
    Function<String, ServiceBusManagementClient> clients() {
        return clientForSubscription;
    }

    /** The same clients, with every call ranked as {@code priority} by the limiter. */
    AzureSdkArmPort withPriority(CallPriority priority) {
        return priority == this.priority
                ? this
                : new AzureSdkArmPort(clientForSubscription, classifier, priority);
    }

    @Override
    public Optional<AliasRecord> getAlias(NamespaceRef namespace, String alias) {
        try {
            ArmDisasterRecoveryInner inner =
                    call(
                            namespace,
                            client ->
                                    dr(client)
                                            .getWithResponse(
                                                    namespace.resourceGroup(),
                                                    namespace.name(),
                                                    alias,
                                                    op("getAlias"))
                                            .getValue());
            return Optional.of(toRecord(namespace, alias, inner));
        } catch (ArmException e) {
            // 404 NotFound: no alias on this namespace; 404 ResourceNotFound: the namespace itself
            // is missing
            if (e.kind() == ArmErrorKind.NOT_FOUND && "NotFound".equalsIgnoreCase(e.code())) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public List<AliasRecord> listAliases(NamespaceRef namespace) {
        return call(
                namespace,
                client ->
                        dr(client)
                                .list(
                                        namespace.resourceGroup(),
                                        namespace.name(),
                                        op("listAliases"))
                                .stream()
                                .map(inner -> toRecord(namespace, inner.name(), inner))
                                .toList());
    }

    @Override
    public AliasRecord createOrUpdatePairing(
            NamespaceRef primary, String alias, NamespaceRef partner, String alternateName) {
        ArmDisasterRecoveryInner body =
                new ArmDisasterRecoveryInner().withPartnerNamespace(partner.id());
        if (alternateName != null && !alternateName.isBlank()) {
            body.withAlternateName(alternateName);
        }
        ArmDisasterRecoveryInner inner =
                call(
                        primary,
                        client ->
                                dr(client)
                                        .createOrUpdateWithResponse(
                                                primary.resourceGroup(),
                                                primary.name(),
                                                alias,
                                                body,
                                                op("createOrUpdatePairing"))
                                        .getValue());
        return toRecord(primary, alias, inner);
    }

    @Override
    public void breakPairing(NamespaceRef primary, String alias) {
        call(
                primary,
                client ->
                        dr(client)
                                .breakPairingWithResponse(
                                        primary.resourceGroup(),
                                        primary.name(),
                                        alias,
                                        op("breakPairing")));
    }

    @Override
    public void failover(NamespaceRef secondary, String alias, FailoverMode mode) {
        Objects.requireNonNull(mode, "mode");
        call(
                secondary,
                client -> {
                    if (mode == FailoverMode.Safe) {
                        return dr(client)
                                .failOverWithResponse(
                                        secondary.resourceGroup(),
                                        secondary.name(),
                                        alias,
                                        new FailoverProperties().withIsSafeFailover(true),
                                        op("failover"));
                    }
                    // no body, as every recorded client sent it (the SDK's no-body overload passes
                    // null too, but without a context to carry the priority)
                    return dr(client)
                            .failOverWithResponse(
                                    secondary.resourceGroup(),
                                    secondary.name(),
                                    alias,
                                    null,
                                    op("failover"));
                });
    }

    @Override
    public void deleteAlias(NamespaceRef namespace, String alias) {
        call(
                namespace,
                client ->
                        dr(client)
                                .deleteWithResponse(
                                        namespace.resourceGroup(),
                                        namespace.name(),
                                        alias,
                                        op("deleteAlias")));
    }

    @Override
    public AliasKeys listKeys(NamespaceRef namespace, String alias, String authorizationRule) {
        AccessKeysInner keys =
                call(
                        namespace,
                        client ->
                                dr(client)
                                        .listKeysWithResponse(
                                                namespace.resourceGroup(),
                                                namespace.name(),
                                                alias,
                                                authorizationRule,
                                                op("listKeys"))
                                        .getValue());
        return new AliasKeys(
                keys.aliasPrimaryConnectionString(),
                keys.aliasSecondaryConnectionString(),
                keys.primaryKey(),
                keys.secondaryKey(),
                keys.keyName());
    }

    @Override
    public NamespaceInfo getNamespace(NamespaceRef namespace) {
        return call(
                namespace,
                client -> {
                    NamespaceBody body = readNamespace(client, namespace);
                    return new NamespaceInfo(
                            namespace,
                            body.sku(),
                            body.location(),
                            body.partitions(),
                            OptionalLong.empty(),
                            body.privateEndpoints());
                });
    }

    @Override
    public long entitiesOnFirstPage(NamespaceRef namespace, EntityKind kind) {
        String rg = namespace.resourceGroup();
        String name = namespace.name();
        return call(
                namespace,
                client ->
                        firstPageSize(
                                kind == EntityKind.QUEUES
                                        ? client.getQueues()
                                                .listByNamespace(
                                                        rg, name, null, null, op("listQueues"))
                                        : client.getTopics()
                                                .listByNamespace(
                                                        rg, name, null, null, op("listTopics"))));
    }

    @Override
    public NamespaceSettings getSettings(NamespaceRef namespace) {
        return call(
                namespace,
                client -> {
                    NamespaceBody body = readNamespace(client, namespace);
                    NetworkRuleSetInner rules = networkRuleSet(client, namespace);
                    return new NamespaceSettings(
                            body.publicNetworkAccess(),
                            body.disableLocalAuth(),
                            body.minimumTlsVersion(),
                            rules == null || rules.defaultAction() == null
                                    ? null
                                    : rules.defaultAction().toString(),
                            rules == null || rules.ipRules() == null
                                    ? List.of()
                                    : rules.ipRules().stream()
                                            .map(NWRuleSetIpRules::ipMask)
                                            .filter(Objects::nonNull)
                                            .toList(),
                            rules == null || rules.virtualNetworkRules() == null
                                    ? List.of()
                                    : rules.virtualNetworkRules().stream()
                                            .map(v -> v.subnet() == null ? null : v.subnet().id())
                                            .filter(Objects::nonNull)
                                            .toList(),
                            rules != null
                                    && Boolean.TRUE.equals(rules.trustedServiceAccessEnabled()),
                            body.privateEndpoints(),
                            body.identityType(),
                            body.encryptionKeySource());
                });
    }

    /**
     * {@code networkRuleSets/default} through the SDK (api-version 2021-11-01); null on 404, which
     * means "never set" (Azure normally answers defaults then, but a 404 must not fail the read).
     */
    private NetworkRuleSetInner networkRuleSet(
            ServiceBusManagementClient client, NamespaceRef namespace) {
        try {
            return client.getNamespaces()
                    .getNetworkRuleSetWithResponse(
                            namespace.resourceGroup(), namespace.name(), op("getNetworkRuleSet"))
                    .getValue();
        } catch (RuntimeException e) {
            ArmException classified = e instanceof ArmException a ? a : classifier.classify(e);
            if (classified.kind() == ArmErrorKind.NOT_FOUND && !classified.isNamespaceNotFound()) {
                return null;
            }
            throw classified;
        }
    }

    @Override
    public List<RoleAssignment> listRoleAssignments(NamespaceRef namespace) {
        return call(
                namespace,
                client -> {
                    String endpoint = stripSlash(client.getEndpoint());
                    String scope = namespacePath(namespace);
                    String url =
                            endpoint
                                    + scope
                                    + "/providers/Microsoft.Authorization/roleAssignments?api-version="
                                    + ROLE_ASSIGNMENTS_API_VERSION;
                    List<RoleAssignment> out = new ArrayList<>();
                    for (int page = 0; url != null; page++) {
                        if (page == MAX_ROLE_ASSIGNMENT_PAGES) {
                            throw new ArmException(
                                    ArmErrorKind.FATAL,
                                    0,
                                    ArmErrorClassifier.CODE_CLIENT_ERROR,
                                    "ARM's role assignment list on "
                                            + namespace.id()
                                            + " did not end after "
                                            + MAX_ROLE_ASSIGNMENT_PAGES
                                            + " pages",
                                    null,
                                    null);
                        }
                        JsonNode body = readRoleAssignmentPage(client, namespace, url);
                        for (JsonNode item : body.path("value")) {
                            RoleAssignments.fromArm(namespace, item).ifPresent(out::add);
                        }
                        url = RoleAssignments.nextLink(body, endpoint);
                    }
                    return out;
                });
    }

    private JsonNode readRoleAssignmentPage(
            ServiceBusManagementClient client, NamespaceRef namespace, String url) {
        HttpRequest request =
                new HttpRequest(HttpMethod.GET, url)
                        .setHeader(HttpHeaderName.ACCEPT, "application/json");
        try (HttpResponse response =
                client.getHttpPipeline().send(request, op("listRoleAssignments")).block()) {
            String body = response.getBodyAsBinaryData().toString();
            int status = response.getStatusCode();
            if (status == 403) {
                ArmException denied =
                        classifier.fromStatus(status, response.getHeaders(), body, null);
                // ARM's own text already names the action, but say it plainly whatever it sent
                throw new ArmException(
                        denied.kind(),
                        status,
                        denied.code(),
                        "the operator's identity lacks Microsoft.Authorization/roleAssignments/read on "
                                + namespace.id()
                                + ": "
                                + denied.getMessage(),
                        null,
                        null);
            }
            if (status != 200) {
                throw classifier.fromStatus(status, response.getHeaders(), body, null);
            }
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new ArmException(
                    ArmErrorKind.TRANSIENT,
                    0,
                    ArmErrorClassifier.CODE_CONNECTION_FAILED,
                    "ARM sent an unreadable role assignment list",
                    null,
                    e);
        }
    }

    private static long firstPageSize(PagedIterable<?> list) {
        return list.streamByPage()
                .findFirst()
                .map(page -> (long) page.getValue().size())
                .orElse(0L);
    }

    private record NamespaceBody(
            String sku,
            String location,
            int partitions,
            int privateEndpoints,
            String publicNetworkAccess,
            boolean disableLocalAuth,
            String minimumTlsVersion,
            String identityType,
            String encryptionKeySource) {}

    /**
     * GET the namespace (SKU, region, partitions, private endpoints) through the SDK's own pipeline
     * (auth, limiter, no retry) at {@link #NAMESPACE_API_VERSION}.
     */
    private NamespaceBody readNamespace(ServiceBusManagementClient client, NamespaceRef namespace) {
        String url =
                stripSlash(client.getEndpoint())
                        + namespacePath(namespace)
                        + "?api-version="
                        + NAMESPACE_API_VERSION;
        HttpRequest request =
                new HttpRequest(HttpMethod.GET, url)
                        .setHeader(HttpHeaderName.ACCEPT, "application/json");
        try (HttpResponse response =
                client.getHttpPipeline().send(request, op("getNamespace")).block()) {
            String body = response.getBodyAsBinaryData().toString();
            if (response.getStatusCode() != 200) {
                throw classifier.fromStatus(
                        response.getStatusCode(), response.getHeaders(), body, null);
            }
            SBNamespaceInner inner;
            try (JsonReader reader = JsonProviders.createReader(body)) {
                inner = SBNamespaceInner.fromJson(reader);
            }
            JsonNode properties = JSON.readTree(body).path("properties");
            JsonNode partitions = properties.path("premiumMessagingPartitions");
            String sku =
                    inner.sku() == null || inner.sku().name() == null
                            ? ""
                            : inner.sku().name().toString();
            // the namespace resource embeds its private endpoint connections: no separate list call
            // needed
            int privateEndpoints =
                    inner.privateEndpointConnections() == null
                            ? 0
                            : inner.privateEndpointConnections().size();
            // publicNetworkAccess and minimumTlsVersion are not in the SDK's 2021-11-01 model
            return new NamespaceBody(
                    sku,
                    inner.location() == null ? "" : inner.location(),
                    partitions.canConvertToInt() && partitions.asInt() > 0 ? partitions.asInt() : 1,
                    privateEndpoints,
                    properties.path("publicNetworkAccess").asText(null),
                    Boolean.TRUE.equals(inner.disableLocalAuth()),
                    properties.path("minimumTlsVersion").asText(null),
                    inner.identity() == null || inner.identity().type() == null
                            ? null
                            : inner.identity().type().toString(),
                    inner.encryption() == null || inner.encryption().keySource() == null
                            ? null
                            : inner.encryption().keySource().toString());
        } catch (IOException e) {
            throw new ArmException(
                    ArmErrorKind.TRANSIENT,
                    0,
                    ArmErrorClassifier.CODE_CONNECTION_FAILED,
                    "ARM sent an unreadable namespace body",
                    null,
                    e);
        }
    }

    private <T> T call(NamespaceRef namespace, Function<ServiceBusManagementClient, T> action) {
        requireServiceBus(namespace);
        if (io.vertx.core.Context.isOnEventLoopThread()) {
            throw new IllegalStateException(
                    "the ARM port blocks; do not call it from a Vert.x event-loop thread");
        }
        try {
            return action.apply(clientForSubscription.apply(namespace.subscriptionId()));
        } catch (ArmException e) {
            throw e;
        } catch (RuntimeException e) {
            throw classifier.classify(e);
        }
    }

    /**
     * This adapter speaks the Service Bus provider only (its SDK client and paths); a namespace of
     * another provider reaching it is a wiring mistake, refused before any call.
     */
    static void requireServiceBus(NamespaceRef namespace) {
        if (namespace.provider() != MessagingProvider.SERVICE_BUS) {
            throw new IllegalArgumentException(
                    "the Service Bus ARM adapter got a "
                            + namespace.provider().segment()
                            + " namespace: "
                            + namespace.id());
        }
    }

    private static DisasterRecoveryConfigsClient dr(ServiceBusManagementClient client) {
        return client.getDisasterRecoveryConfigs();
    }

    private Context op(String operation) {
        return new Context(ArmCallPolicy.OPERATION_KEY, operation)
                .addData(ArmCallPolicy.PRIORITY_KEY, priority);
    }

    static AliasRecord toRecord(
            NamespaceRef namespace, String requestedAlias, ArmDisasterRecoveryInner inner) {
        String partner = inner.partnerNamespace();
        Optional<NamespaceRef> partnerRef;
        if (partner == null || partner.isBlank()) {
            partnerRef = Optional.empty();
        } else if (NamespaceRef.isValidId(partner)) {
            partnerRef = Optional.of(NamespaceRef.parse(partner));
        } else {
            // a bare name (as the spec examples use) means the same subscription and resource group
            partnerRef =
                    Optional.of(
                            new NamespaceRef(
                                    namespace.subscriptionId(),
                                    namespace.resourceGroup(),
                                    partner.trim()));
        }
        AliasRole role =
                inner.role() == null
                        ? null
                        : switch (inner.role()) {
                            case PRIMARY -> AliasRole.Primary;
                            case SECONDARY -> AliasRole.Secondary;
                            case PRIMARY_NOT_REPLICATING -> AliasRole.PrimaryNotReplicating;
                        };
        ProvisioningState state =
                inner.provisioningState() == null
                        ? null
                        : switch (inner.provisioningState()) {
                            case ACCEPTED -> ProvisioningState.Accepted;
                            case SUCCEEDED -> ProvisioningState.Succeeded;
                            case FAILED -> ProvisioningState.Failed;
                        };
        String alias =
                inner.name() == null || inner.name().isBlank() ? requestedAlias : inner.name();
        return new AliasRecord(
                namespace,
                alias,
                role,
                state,
                partnerRef,
                Optional.ofNullable(inner.pendingReplicationOperationsCount()),
                Optional.ofNullable(inner.alternateName()).filter(s -> !s.isBlank()));
    }

    private static String namespacePath(NamespaceRef namespace) {
        return "/subscriptions/"
                + segment(namespace.subscriptionId())
                + "/resourceGroups/"
                + segment(namespace.resourceGroup())
                + "/providers/Microsoft.ServiceBus/namespaces/"
                + segment(namespace.name());
    }

    private static String stripSlash(String endpoint) {
        return endpoint.endsWith("/") ? endpoint.substring(0, endpoint.length() - 1) : endpoint;
    }

    private static String segment(String value) {
        try {
            return new URI(null, null, "/" + value, null).getRawPath().substring(1);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not usable in an ARM path: " + value, e);
        }
    }
}
