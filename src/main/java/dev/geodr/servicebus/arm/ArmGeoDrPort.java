package dev.geodr.servicebus.arm;

import java.util.List;
import java.util.Optional;

/**
 * The narrow port through which the operator talks to ARM's Service Bus geo-DR API. Every method
 * either succeeds or throws a classified {@link ArmException}. None of them waits for a transition:
 * ARM's geo-DR calls return 200 at once and progress is only visible by reading the alias again.
 */
public interface ArmGeoDrPort {

    /** The alias record on {@code namespace}; empty when ARM answers 404 NotFound for the alias. */
    Optional<AliasRecord> getAlias(NamespaceRef namespace, String alias);

    /**
     * Every alias record on {@code namespace} (GET {@code .../disasterRecoveryConfigs}, all pages),
     * whatever its name. Preflight needs it: a namespace belongs to at most one Geo-DR
     * configuration, and ARM refuses a PUT naming a namespace that already holds another alias.
     */
    List<AliasRecord> listAliases(NamespaceRef namespace);

    /**
     * PUT on the primary: creates or re-pairs the alias with {@code partner}; returns the record
     * ARM answered.
     */
    AliasRecord createOrUpdatePairing(
            NamespaceRef primary, String alias, NamespaceRef partner, String alternateName);

    /** POST breakPairing, on the primary. */
    void breakPairing(NamespaceRef primary, String alias);

    /** POST failover, on the secondary ({@code partnerNamespace} of the pairing). */
    void failover(NamespaceRef secondary, String alias, FailoverMode mode);

    /** DELETE the alias record on the namespace that holds it. */
    void deleteAlias(NamespaceRef namespace, String alias);

    /** POST listKeys for {@code authorizationRule} under the alias. */
    AliasKeys listKeys(NamespaceRef namespace, String alias, String authorizationRule);

    /**
     * SKU, region, partitions and private endpoints (one GET), for preflight; {@code entitiesSeen}
     * is empty.
     */
    NamespaceInfo getNamespace(NamespaceRef namespace);

    /**
     * How many queues (or topics) the first page of that list holds: 0 for none, otherwise a lower
     * bound. One read; enough to know whether a namespace is empty without paging through
     * thousands.
     */
    long entitiesOnFirstPage(NamespaceRef namespace, EntityKind kind);

    /**
     * The namespace's own settings that Geo-DR does not replicate (network access, local auth, TLS,
     * network rules, private endpoints, identity, encryption): the namespace GET plus GET {@code
     * networkRuleSets/default}. Azure answers the latter even when nothing was ever set, so a 404
     * there means the defaults.
     */
    NamespaceSettings getSettings(NamespaceRef namespace);

    /**
     * The role assignments at the namespace scope or below it (its queues and topics), all pages;
     * those inherited from the resource group or subscription are left out, since both namespaces
     * of a pairing share them or not independently of Geo-DR. A missing {@code
     * Microsoft.Authorization/roleAssignments/read} permission is a FATAL 403 that says so.
     */
    List<RoleAssignment> listRoleAssignments(NamespaceRef namespace);

    /** The two kinds of Service Bus entity a secondary must not hold. */
    enum EntityKind {
        QUEUES,
        TOPICS
    }
}
