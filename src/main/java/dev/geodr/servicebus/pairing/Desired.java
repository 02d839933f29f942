package dev.geodr.servicebus.pairing;

import dev.geodr.servicebus.arm.FailoverMode;
import dev.geodr.servicebus.arm.NamespaceRef;
import java.util.Optional;

/**
 * What the user asked for, already parsed and admission-valid.
 *
 * @param deleting the resource carries a deletion timestamp
 * @param deleteInAzure {@code deletionPolicy: Delete}: break and delete the alias when the resource
 *     goes
 */
public record Desired(
        String alias,
        NamespaceRef primary,
        NamespaceRef partner,
        Optional<String> alternateName,
        long failoverRequested,
        FailoverMode failoverMode,
        boolean deleting,
        boolean deleteInAzure) {}
