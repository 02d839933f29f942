package dev.geodr.servicebus.georeplication;

import dev.geodr.servicebus.arm.GeoReplication;
import dev.geodr.servicebus.arm.NamespaceRef;
import dev.geodr.servicebus.arm.Replica;
import dev.geodr.servicebus.arm.ReplicaRole;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The named ledgers and observations the Geo-Replication planner tables are written in: a namespace
 * in eastus replicated to westus, request 1 taken a minute ago.
 */
final class GeoFixtures {

    static final NamespaceRef NS = new NamespaceRef("sub", "rg", "orders");
    static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");
    static final String URL =
            "https://management.azure.com/subscriptions/sub/providers/Microsoft.ServiceBus/"
                    + "locations/eastus/operationStatuses/op-1";

    private GeoFixtures() {}

    static ReplicationMemory memory(String ledger) {
        if (ledger.equals("firstSight")) {
            return ReplicationMemory.firstSight();
        }
        PromotionLedger handled = PromotionLedger.adopted(0);
        if (ledger.equals("handled0unseen")) {
            return ReplicationMemory.of(handled, null);
        }
        Instant minuteAgo = NOW.minus(Duration.ofMinutes(1));
        PromotionInFlight taken =
                PromotionInFlight.taken(1, PromotionMode.Planned, "eastus", "westus", minuteAgo);
        PromotionInFlight inFlight =
                switch (ledger) {
                    case "handled0" -> null;
                    case "waiting" -> taken;
                    case "waitingOld" ->
                            PromotionInFlight.taken(
                                    1,
                                    PromotionMode.Planned,
                                    "eastus",
                                    "westus",
                                    NOW.minus(Duration.ofMinutes(31)));
                    case "intended" -> taken.intending(PromotionMode.Planned, minuteAgo);
                    case "escalated" ->
                            taken.intending(PromotionMode.Planned, minuteAgo)
                                    .accepted(URL, minuteAgo)
                                    .intending(PromotionMode.Forced, minuteAgo);
                    case "accepted" ->
                            taken.intending(PromotionMode.Planned, minuteAgo)
                                    .accepted(URL, minuteAgo);
                    case "acceptedForced" ->
                            taken.intending(PromotionMode.Forced, minuteAgo)
                                    .accepted(URL, minuteAgo);
                    case "acceptedOld" ->
                            taken.intending(PromotionMode.Planned, minuteAgo)
                                    .accepted(URL, NOW.minus(Duration.ofMinutes(61)));
                    default -> throw new IllegalArgumentException(ledger);
                };
        return ReplicationMemory.of(
                inFlight == null ? handled : handled.withInFlight(inFlight), "westus");
    }

    static ReplicationObserved observed(String namespace, String operation) {
        NamespaceView view =
                switch (namespace) {
                    case "eastus" ->
                            present("Premium", "Succeeded", roles("eastus", "westus"), false);
                    case "westus" ->
                            present("Premium", "Succeeded", roles("westus", "eastus"), false);
                    case "updating" ->
                            present("Premium", "Updating", roles("eastus", "westus"), false);
                    case "single" -> present("Premium", "Succeeded", roles("eastus", null), false);
                    case "plain" -> present("Premium", "Succeeded", null, false);
                    case "partitioned" -> present("Premium", "Succeeded", null, false, 4);
                    case "largeMessages" ->
                            present("Premium", "Succeeded", null, false, 1, List.of("queue-1"));
                    case "deadSecondary" ->
                            present(
                                    "Premium",
                                    "Succeeded",
                                    new GeoReplication(
                                            300,
                                            List.of(
                                                    new Replica(
                                                            "westus",
                                                            ReplicaRole.Primary,
                                                            Optional.of("Active")),
                                                    new Replica(
                                                            "eastus",
                                                            ReplicaRole.Secondary,
                                                            Optional.of("Unavailable")))),
                                    false);
                    case "synchronous" ->
                            present(
                                    "Premium",
                                    "Succeeded",
                                    new GeoReplication(0, roles("eastus", "westus").replicas()),
                                    false);
                    case "building" ->
                            new NamespaceView.Present(
                                    "East US",
                                    "Premium",
                                    "Succeeded",
                                    Optional.of(roles("eastus", "westus")),
                                    false,
                                    1,
                                    List.of(),
                                    true);
                    case "standard" -> present("Standard", "Succeeded", null, false);
                    case "alias" -> present("Premium", "Succeeded", null, true);
                    case "unreachable" -> new NamespaceView.Unreachable("region down");
                    case "missing" -> new NamespaceView.Missing();
                    default -> throw new IllegalArgumentException(namespace);
                };
        ReplicationObserved observed = ReplicationObserved.of(view);
        return switch (operation) {
            case "none" -> observed;
            case "running" ->
                    observed.withOperation(
                            new OperationView.InProgress(Optional.of(Duration.ofSeconds(20))));
            case "done" -> observed.withOperation(new OperationView.Succeeded());
            case "failed" ->
                    observed.withOperation(new OperationView.Failed("Failed", "replica lost"));
            case "gone" -> observed.withOperation(new OperationView.Gone());
            default -> throw new IllegalArgumentException(operation);
        };
    }

    static NamespaceView present(String sku, String state, GeoReplication geo, boolean alias) {
        return present(sku, state, geo, alias, 1, List.of());
    }

    static NamespaceView present(
            String sku, String state, GeoReplication geo, boolean alias, int partitions) {
        return present(sku, state, geo, alias, partitions, List.of());
    }

    static NamespaceView present(
            String sku,
            String state,
            GeoReplication geo,
            boolean alias,
            int partitions,
            List<String> largeMessageEntities) {
        return new NamespaceView.Present(
                "East US",
                sku,
                state,
                Optional.ofNullable(geo),
                alias,
                partitions,
                largeMessageEntities,
                false);
    }

    static GeoReplication roles(String primary, String secondary) {
        Replica p = new Replica(primary, ReplicaRole.Primary, Optional.empty());
        return new GeoReplication(
                300,
                secondary == null
                        ? List.of(p)
                        : List.of(
                                p,
                                new Replica(secondary, ReplicaRole.Secondary, Optional.empty())));
    }
}
