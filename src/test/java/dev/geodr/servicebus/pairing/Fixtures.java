package dev.geodr.servicebus.pairing;

import dev.geodr.servicebus.arm.AliasRecord;
import dev.geodr.servicebus.arm.AliasRole;
import dev.geodr.servicebus.arm.FailoverMode;
import dev.geodr.servicebus.arm.NamespaceInfo;
import dev.geodr.servicebus.arm.NamespaceRef;
import dev.geodr.servicebus.arm.ProvisioningState;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Small builders that keep the planner and status tables readable. */
public final class Fixtures {

    static final String SUB = "00000000-0000-0000-0000-000000000000";
    static final NamespaceRef WEU = ns("orders-weu");
    static final NamespaceRef NEU = ns("orders-neu");
    static final NamespaceRef FRC = ns("orders-frc");
    static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    static final PlannerSettings SETTINGS = PlannerSettings.defaults();

    private Fixtures() {}

    static NamespaceRef ns(String name) {
        return new NamespaceRef(SUB, "geodr-demo", name);
    }

    static Desired desired(NamespaceRef primary, NamespaceRef partner) {
        return new Desired(
                "orders", primary, partner, Optional.empty(), 0, FailoverMode.Safe, false, false);
    }

    static Desired withRequest(Desired d, long request, FailoverMode mode) {
        return new Desired(
                d.alias(),
                d.primary(),
                d.partner(),
                d.alternateName(),
                request,
                mode,
                d.deleting(),
                d.deleteInAzure());
    }

    static Desired deleting(Desired d, boolean deleteInAzure) {
        return new Desired(
                d.alias(),
                d.primary(),
                d.partner(),
                d.alternateName(),
                d.failoverRequested(),
                d.failoverMode(),
                true,
                deleteInAzure);
    }

    static SideView rec(
            NamespaceRef on, AliasRole role, ProvisioningState state, NamespaceRef partner) {
        return rec(on, role, state, partner, null);
    }

    public static SideView rec(
            NamespaceRef on,
            AliasRole role,
            ProvisioningState state,
            NamespaceRef partner,
            Long pending) {
        return SideView.of(
                new AliasRecord(
                        on,
                        "orders",
                        role,
                        state,
                        Optional.ofNullable(partner),
                        Optional.ofNullable(pending),
                        Optional.empty()));
    }

    static SideView primaryPaired(NamespaceRef on, NamespaceRef partner, long pending) {
        return rec(on, AliasRole.Primary, ProvisioningState.Succeeded, partner, pending);
    }

    static SideView secondaryPaired(NamespaceRef on, NamespaceRef primary) {
        return rec(on, AliasRole.Secondary, ProvisioningState.Succeeded, primary);
    }

    static SideView pnr(NamespaceRef on, ProvisioningState state) {
        return rec(on, AliasRole.PrimaryNotReplicating, state, null);
    }

    static SideView absent() {
        return new SideView.Absent();
    }

    static SideView missing() {
        return new SideView.NamespaceMissing();
    }

    static SideView unreachable() {
        return new SideView.Unreachable("503 ServiceUnavailable");
    }

    static NamespaceInfo premium(NamespaceRef ns, long entities) {
        return new NamespaceInfo(ns, "Premium", "westeurope", 1, entities, 0);
    }

    static Memory steady(long handled) {
        return new Memory(Optional.of(FailoverMemory.adopted(handled)), Optional.of(WEU));
    }

    static Memory inFlight(
            long handled, long request, FailoverMode mode, FailoverPhase phase, Duration age) {
        Instant started = NOW.minus(age);
        FailoverInFlight f = new FailoverInFlight(request, mode, WEU, NEU, phase, started, started);
        return new Memory(
                Optional.of(FailoverMemory.adopted(handled).withInFlight(f)), Optional.of(WEU));
    }
}
