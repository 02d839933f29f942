package dev.geodr.servicebus.pairing;

import dev.geodr.servicebus.arm.AliasRecord;
import dev.geodr.servicebus.arm.NamespaceInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What only the operator can judge before a PUT: the rules ARM enforces on a pairing, checked up
 * front so an invalid spec never reaches Azure and the user gets a message naming the field.
 */
final class Preflight {

    private Preflight() {}

    /** Needs the namespace info of both sides in {@code observed} (see needsNamespaceInfo). */
    static List<String> problems(Desired desired, Observed observed) {
        NamespaceInfo primary = observed.primaryInfo().orElseThrow();
        NamespaceInfo partner = observed.partnerInfo().orElseThrow();
        List<String> problems = new ArrayList<>();
        // ARM answers 409 to a PUT naming a namespace that is already in another Geo-DR
        // configuration; records of our own alias are judged by PairingRules, not here.
        otherAlias(desired, observed.primaryAliases())
                .ifPresent(
                        other ->
                                problems.add(
                                        "spec.primaryNamespace: namespace "
                                                + desired.primary().name()
                                                + heldBy(other)));
        otherAlias(desired, observed.partnerAliases())
                .ifPresent(
                        other ->
                                problems.add(
                                        "spec.partnerNamespace: namespace "
                                                + desired.partner().name()
                                                + heldBy(other)));
        if (!primary.isPremium()) {
            problems.add(
                    "spec.primaryNamespace: namespace "
                            + primary.namespace().name()
                            + " is "
                            + primary.sku()
                            + "; Geo-DR needs Premium namespaces");
        }
        if (!partner.isPremium()) {
            problems.add(
                    "spec.partnerNamespace: namespace "
                            + partner.namespace().name()
                            + " is "
                            + partner.sku()
                            + "; Geo-DR needs Premium namespaces");
        }
        if ((primary.partitions() > 1) != (partner.partitions() > 1)) {
            problems.add(
                    "spec.partnerNamespace: namespace "
                            + partner.namespace().name()
                            + " has "
                            + partner.partitions()
                            + " partition(s) and the primary has "
                            + primary.partitions()
                            + "; a partitioned namespace cannot be paired with a non-partitioned one");
        }
        if (partner.holdsEntities()) {
            problems.add(
                    "spec.partnerNamespace: namespace "
                            + partner.namespace().name()
                            + " holds queues or topics; the secondary must be a new, empty namespace");
        }
        if (primary.privateEndpoints() > 0 && partner.privateEndpoints() == 0) {
            problems.add(
                    "spec.partnerNamespace: namespace "
                            + partner.namespace().name()
                            + " has no private endpoint but the primary has one; pairing fails unless both have one");
        }
        desired.alternateName()
                .ifPresent(
                        alt -> {
                            if (!desired.alias().equalsIgnoreCase(desired.primary().name())) {
                                problems.add(
                                        "spec.alternateName: only allowed when spec.alias equals the primary namespace's name ("
                                                + desired.primary().name()
                                                + ")");
                            }
                        });
        return problems;
    }

    private static Optional<AliasRecord> otherAlias(Desired desired, List<AliasRecord> listed) {
        return listed.stream()
                .filter(r -> r.alias() != null && !r.alias().equalsIgnoreCase(desired.alias()))
                .findFirst();
    }

    private static String heldBy(AliasRecord other) {
        return " already holds alias \""
                + other.alias()
                + "\""
                + (other.role() == null ? "" : " as " + other.role())
                + other.partnerNamespace().map(p -> " with " + p.name()).orElse("")
                + " (a namespace belongs to at most one Geo-DR configuration)";
    }
}
