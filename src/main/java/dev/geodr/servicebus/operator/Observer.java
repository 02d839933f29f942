package dev.geodr.servicebus.operator;

import dev.geodr.servicebus.arm.AliasRecord;
import dev.geodr.servicebus.arm.ArmErrorKind;
import dev.geodr.servicebus.arm.ArmException;
import dev.geodr.servicebus.arm.ArmGeoDrPort;
import dev.geodr.servicebus.arm.NamespaceInfo;
import dev.geodr.servicebus.arm.NamespaceRef;
import dev.geodr.servicebus.pairing.Desired;
import dev.geodr.servicebus.pairing.Observed;
import dev.geodr.servicebus.pairing.PairingPlanner;
import dev.geodr.servicebus.pairing.SideView;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Reads what a pass needs, and no more:
 *
 * <ul>
 *   <li>each side's alias record: with a GET, or, where the last status showed no record, by
 *       listing the namespace's aliases (one read that also tells preflight whether another alias
 *       holds the namespace);
 *   <li>the partner is not read again while ARM pairs ({@link PairingPlanner#partnerCanWait});
 *   <li>SKU, partitions, private endpoints and the partner's emptiness only when a PUT may follow,
 *       cached for a minute;
 *   <li>a namespace that did not answer is recorded as unreachable rather than failing the pass (a
 *       Forced failover needs exactly that), and for a while a Forced request does not read the
 *       primary again when it was the one (the partner, where the POST goes, is always read);
 *   <li>throttling and authorization failures end the pass; what a throttled pass had read is kept
 *       for its retry.
 * </ul>
 */
final class Observer {

    /**
     * What one pass asks for.
     *
     * @param primaryRecordKnown the last status showed an alias record on the primary
     * @param partnerRecordKnown the same for the partner
     */
    record Request(
            String resourceKey,
            Desired desired,
            boolean failoverPending,
            boolean forcedFailoverPending,
            boolean primaryRecordKnown,
            boolean partnerRecordKnown) {}

    private static final String PRIMARY = "primary";
    private static final String PARTNER = "partner";
    private static final String PRIMARY_ALIASES = "primaryAliases";
    private static final String PARTNER_ALIASES = "partnerAliases";
    private static final int MAX_REMEMBERED_PARTNERS = 10_000;

    private final NamespaceInfoCache namespaceInfo;
    private final UnreachableNamespaces unreachable;
    private final PassReads.Carried carried;

    /** The partner's view as last read, with the namespace it was read from. */
    private record PartnerRead(NamespaceRef namespace, SideView view) {}

    private final Map<String, PartnerRead> lastPartner = new ConcurrentHashMap<>();

    Observer(Clock clock) {
        this.namespaceInfo = new NamespaceInfoCache(clock);
        this.unreachable = new UnreachableNamespaces(clock);
        this.carried = new PassReads.Carried(clock);
    }

    Observed observe(ArmGeoDrPort port, Request request) {
        PassReads reads =
                carried.resume(request.resourceKey(), request.desired(), request.failoverPending());
        try {
            Observed observed = observe(port, request, reads);
            carried.discard(request.resourceKey());
            return observed;
        } catch (ArmException e) {
            if (e.kind() == ArmErrorKind.THROTTLED) {
                carried.keep(request.resourceKey(), reads);
            }
            throw e;
        }
    }

    /** Forgets what was kept for a resource that is gone. */
    void forget(String resourceKey) {
        carried.discard(resourceKey);
        lastPartner.remove(resourceKey);
    }

    private Observed observe(ArmGeoDrPort port, Request request, PassReads reads) {
        Desired desired = request.desired();
        SideView primary =
                reads.get(
                        PRIMARY,
                        () ->
                                side(
                                        port,
                                        request,
                                        reads,
                                        desired.primary(),
                                        request.primaryRecordKnown(),
                                        PRIMARY_ALIASES));
        SideView partner = reads.get(PARTNER, () -> partner(port, request, reads, primary));
        Observed observed = Observed.of(primary, partner);
        if (!PairingPlanner.needsNamespaceInfo(desired, primary, partner)) {
            return observed;
        }
        NamespaceInfo primaryInfo = namespaceInfo.get(port, desired.primary(), false);
        NamespaceInfo partnerInfo = namespaceInfo.get(port, desired.partner(), true);
        List<AliasRecord> onPrimary =
                PairingPlanner.needsAliasList(desired, primary, partner, primary)
                        ? aliases(port, reads, PRIMARY_ALIASES, desired.primary())
                        : List.of();
        List<AliasRecord> onPartner =
                PairingPlanner.needsAliasList(desired, primary, partner, partner)
                        ? aliases(port, reads, PARTNER_ALIASES, desired.partner())
                        : List.of();
        return observed.withInfo(primaryInfo, partnerInfo).withAliases(onPrimary, onPartner);
    }

    private SideView partner(
            ArmGeoDrPort port, Request request, PassReads reads, SideView primary) {
        String key = request.resourceKey();
        NamespaceRef namespace = request.desired().partner();
        PartnerRead remembered = lastPartner.get(key);
        if (remembered != null
                && remembered.namespace().equals(namespace)
                && !request.failoverPending()
                && PairingPlanner.partnerCanWait(request.desired(), primary)) {
            return remembered.view();
        }
        SideView partner =
                side(
                        port,
                        request,
                        reads,
                        namespace,
                        request.partnerRecordKnown(),
                        PARTNER_ALIASES);
        if (lastPartner.size() >= MAX_REMEMBERED_PARTNERS) {
            lastPartner.clear();
        }
        lastPartner.put(key, new PartnerRead(namespace, partner));
        return partner;
    }

    /**
     * The aliases preflight needs on a side that holds no record of ours: already there when the
     * side was read by listing; else one list call (not cached across passes, unlike the namespace
     * info: an alias removed out of band must unblock the next pass).
     */
    private static List<AliasRecord> aliases(
            ArmGeoDrPort port, PassReads reads, String step, NamespaceRef namespace) {
        return reads.get(step, () -> port.listAliases(namespace));
    }

    private SideView side(
            ArmGeoDrPort port,
            Request request,
            PassReads reads,
            NamespaceRef namespace,
            boolean recordKnown,
            String aliasesStep) {
        // only the namespace failed away from: the POST goes to the partner, which must be read
        if (request.forcedFailoverPending() && namespace.equals(request.desired().primary())) {
            var failure = unreachable.recentFailure(namespace);
            if (failure.isPresent()) {
                return new SideView.Unreachable(failure.get());
            }
        }
        String alias = request.desired().alias();
        Supplier<SideView> read =
                recordKnown
                        ? () -> get(port, namespace, alias)
                        : () -> listed(aliases(port, reads, aliasesStep, namespace), alias);
        try {
            SideView view = read.get();
            unreachable.answered(namespace);
            return view;
        } catch (ArmException e) {
            if (e.isNamespaceNotFound()) {
                unreachable.answered(namespace);
                return new SideView.NamespaceMissing();
            }
            if (e.kind() == ArmErrorKind.TRANSIENT) {
                unreachable.failed(namespace, e.getMessage());
                return new SideView.Unreachable(e.getMessage());
            }
            throw e;
        }
    }

    private static SideView get(ArmGeoDrPort port, NamespaceRef namespace, String alias) {
        return port.getAlias(namespace, alias)
                .<SideView>map(SideView.Present::new)
                .orElseGet(SideView.Absent::new);
    }

    private static SideView listed(List<AliasRecord> records, String alias) {
        return records.stream()
                .filter(r -> alias.equalsIgnoreCase(r.alias()))
                .findFirst()
                .<SideView>map(SideView.Present::new)
                .orElseGet(SideView.Absent::new);
    }
}
