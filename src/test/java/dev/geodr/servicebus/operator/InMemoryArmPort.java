package dev.geodr.servicebus.operator;

import dev.geodr.servicebus.arm.AliasKeys;
import dev.geodr.servicebus.arm.AliasRecord;
import dev.geodr.servicebus.arm.AliasRole;
import dev.geodr.servicebus.arm.ArmErrorKind;
import dev.geodr.servicebus.arm.ArmException;
import dev.geodr.servicebus.arm.ArmGeoDrPort;
import dev.geodr.servicebus.arm.ArmIdentity;
import dev.geodr.servicebus.arm.ArmPortFactory;
import dev.geodr.servicebus.arm.CallPriority;
import dev.geodr.servicebus.arm.FailoverMode;
import dev.geodr.servicebus.arm.NamespaceInfo;
import dev.geodr.servicebus.arm.NamespaceRef;
import dev.geodr.servicebus.arm.NamespaceSettings;
import dev.geodr.servicebus.arm.ProvisioningState;
import dev.geodr.servicebus.arm.RoleAssignment;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * An ARM port held in memory: namespaces and their alias records, every call recorded. Transitions
 * complete at once (a PUT is Succeeded on both sides, a failover leaves the partner
 * PrimaryNotReplicating and removes the old primary's record), so a test of the reconcile pass
 * needs no clock and no sleeps. The simulator is the place for ARM's timing; this is the place for
 * the operator's decisions.
 */
final class InMemoryArmPort implements ArmGeoDrPort, ArmPortFactory {

    private final Map<String, NamespaceInfo> namespaces = new LinkedHashMap<>();
    private final Map<String, AliasRecord> aliases = new LinkedHashMap<>();
    private final List<String> calls = new ArrayList<>();
    private final Map<String, ArmException> failNext = new LinkedHashMap<>();
    private final Map<String, NamespaceSettings> settings = new LinkedHashMap<>();
    private final Map<String, List<RoleAssignment>> roles = new LinkedHashMap<>();

    @Override
    public ArmGeoDrPort forIdentity(ArmIdentity identity, CallPriority priority) {
        return this;
    }

    InMemoryArmPort premiumNamespace(NamespaceRef namespace) {
        namespaces.put(
                key(namespace), new NamespaceInfo(namespace, "Premium", "westeurope", 1, 0, 0));
        return this;
    }

    /** The settings {@link #getSettings} answers for {@code namespace} (defaults until set). */
    InMemoryArmPort settings(NamespaceRef namespace, NamespaceSettings value) {
        settings.put(key(namespace), value);
        return this;
    }

    /** The role assignments {@link #listRoleAssignments} answers (none until set). */
    InMemoryArmPort roleAssignments(NamespaceRef namespace, List<RoleAssignment> value) {
        roles.put(key(namespace), List.copyOf(value));
        return this;
    }

    /** Puts a record as if made out of band (another pairing, a portal failover). */
    InMemoryArmPort alias(AliasRecord record) {
        aliases.put(key(record.namespace(), record.alias()), record);
        return this;
    }

    /**
     * The next call of {@code operation} throws {@code failure} (recorded as a call all the same).
     */
    InMemoryArmPort failNext(String operation, ArmException failure) {
        failNext.put(operation, failure);
        return this;
    }

    /** Every call as "operation namespace-name", in order. */
    List<String> calls() {
        return List.copyOf(calls);
    }

    long count(String operation) {
        return calls.stream().filter(c -> c.startsWith(operation + " ")).count();
    }

    long writes() {
        // listKeys is a POST (a write in ARM's budget); listAliases is a GET
        return calls.stream()
                .filter(c -> !c.startsWith("get") && !c.startsWith("listAliases"))
                .count();
    }

    @Override
    public Optional<AliasRecord> getAlias(NamespaceRef namespace, String alias) {
        record("getAlias", namespace);
        requireNamespace(namespace);
        return Optional.ofNullable(aliases.get(key(namespace, alias)));
    }

    @Override
    public List<AliasRecord> listAliases(NamespaceRef namespace) {
        record("listAliases", namespace);
        requireNamespace(namespace);
        String prefix = key(namespace) + "/";
        return aliases.entrySet().stream()
                .filter(e -> e.getKey().startsWith(prefix))
                .map(Map.Entry::getValue)
                .toList();
    }

    @Override
    public AliasRecord createOrUpdatePairing(
            NamespaceRef primary, String alias, NamespaceRef partner, String alternateName) {
        record("createOrUpdatePairing", primary);
        requireNamespace(primary);
        requireNamespace(partner);
        AliasRecord onPrimary =
                new AliasRecord(
                        primary,
                        alias,
                        AliasRole.Primary,
                        ProvisioningState.Succeeded,
                        Optional.of(partner),
                        Optional.of(0L),
                        Optional.ofNullable(alternateName));
        aliases.put(key(primary, alias), onPrimary);
        aliases.put(
                key(partner, alias),
                new AliasRecord(
                        partner,
                        alias,
                        AliasRole.Secondary,
                        ProvisioningState.Succeeded,
                        Optional.of(primary),
                        Optional.empty(),
                        Optional.ofNullable(alternateName)));
        return onPrimary;
    }

    @Override
    public void breakPairing(NamespaceRef primary, String alias) {
        record("breakPairing", primary);
        AliasRecord onPrimary = existing(primary, alias);
        onPrimary.partnerNamespace().ifPresent(partner -> aliases.remove(key(partner, alias)));
        aliases.put(key(primary, alias), notReplicating(onPrimary));
    }

    @Override
    public void failover(NamespaceRef secondary, String alias, FailoverMode mode) {
        record("failover", secondary);
        AliasRecord onSecondary = existing(secondary, alias);
        onSecondary.partnerNamespace().ifPresent(old -> aliases.remove(key(old, alias)));
        aliases.put(key(secondary, alias), notReplicating(onSecondary));
    }

    @Override
    public void deleteAlias(NamespaceRef namespace, String alias) {
        record("deleteAlias", namespace);
        existing(namespace, alias);
        aliases.remove(key(namespace, alias));
    }

    @Override
    public AliasKeys listKeys(NamespaceRef namespace, String alias, String authorizationRule) {
        record("listKeys", namespace);
        existing(namespace, alias);
        return new AliasKeys(
                "Endpoint=sb://" + alias + ".servicebus.windows.net/;SharedAccessKey=primary",
                "Endpoint=sb://" + alias + ".servicebus.windows.net/;SharedAccessKey=secondary",
                "primary",
                "secondary",
                authorizationRule);
    }

    @Override
    public NamespaceInfo getNamespace(NamespaceRef namespace) {
        record("getNamespace", namespace);
        requireNamespace(namespace);
        return namespaces.get(key(namespace));
    }

    @Override
    public long entitiesOnFirstPage(NamespaceRef namespace, EntityKind kind) {
        record(kind == EntityKind.QUEUES ? "listQueues" : "listTopics", namespace);
        requireNamespace(namespace);
        // the fixture's entities are all queues
        return kind == EntityKind.QUEUES
                ? namespaces.get(key(namespace)).entitiesSeen().orElse(0)
                : 0;
    }

    @Override
    public NamespaceSettings getSettings(NamespaceRef namespace) {
        record("getSettings", namespace);
        requireNamespace(namespace);
        return settings.getOrDefault(key(namespace), NamespaceSettings.DEFAULTS);
    }

    @Override
    public List<RoleAssignment> listRoleAssignments(NamespaceRef namespace) {
        record("listRoleAssignments", namespace);
        requireNamespace(namespace);
        return roles.getOrDefault(key(namespace), List.of());
    }

    private static AliasRecord notReplicating(AliasRecord r) {
        return new AliasRecord(
                r.namespace(),
                r.alias(),
                AliasRole.PrimaryNotReplicating,
                ProvisioningState.Succeeded,
                Optional.empty(),
                Optional.empty(),
                r.alternateName());
    }

    private AliasRecord existing(NamespaceRef namespace, String alias) {
        requireNamespace(namespace);
        AliasRecord r = aliases.get(key(namespace, alias));
        if (r == null) {
            throw new ArmException(
                    ArmErrorKind.NOT_FOUND,
                    404,
                    "NotFound",
                    "alias " + alias + " not found",
                    null,
                    null);
        }
        return r;
    }

    private void requireNamespace(NamespaceRef namespace) {
        if (!namespaces.containsKey(key(namespace))) {
            throw new ArmException(
                    ArmErrorKind.NOT_FOUND,
                    404,
                    "ResourceNotFound",
                    "namespace " + namespace.name() + " not found",
                    null,
                    null);
        }
    }

    private void record(String operation, NamespaceRef namespace) {
        calls.add(operation + " " + namespace.name());
        ArmException failure = failNext.remove(operation);
        if (failure != null) {
            throw failure;
        }
    }

    private static String key(NamespaceRef namespace) {
        return namespace.id().toLowerCase(Locale.ROOT);
    }

    private static String key(NamespaceRef namespace, String alias) {
        return key(namespace) + "/" + alias.toLowerCase(Locale.ROOT);
    }
}
