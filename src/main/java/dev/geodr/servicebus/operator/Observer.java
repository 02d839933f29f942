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
import java.util.List;

/**
 * Reads both namespaces' alias records fresh in every pass (and their SKU/partitions/entities and
 * other aliases only when a PUT may follow). A namespace that does not answer is recorded as
 * unreachable rather than failing the pass: a Forced failover needs exactly that. Throttling and
 * authorization failures end the pass.
 */
final class Observer {

    private final NamespaceInfoCache namespaceInfo;

    Observer(NamespaceInfoCache namespaceInfo) {
        this.namespaceInfo = namespaceInfo;
    }

    Observed observe(ArmGeoDrPort port, Desired desired) {
        SideView primary = side(port, desired.primary(), desired.alias());
        SideView partner = side(port, desired.partner(), desired.alias());
        Observed observed = Observed.of(primary, partner);
        if (PairingPlanner.needsNamespaceInfo(desired, primary, partner)) {
            NamespaceInfo primaryInfo = namespaceInfo.get(port, desired.primary());
            NamespaceInfo partnerInfo = namespaceInfo.get(port, desired.partner());
            observed =
                    observed.withInfo(primaryInfo, partnerInfo)
                            .withAliases(
                                    aliases(
                                            port,
                                            desired,
                                            primary,
                                            partner,
                                            primary,
                                            desired.primary()),
                                    aliases(
                                            port,
                                            desired,
                                            primary,
                                            partner,
                                            partner,
                                            desired.partner()));
        }
        return observed;
    }

    /**
     * Not cached, unlike the namespace info: an alias removed out of band must unblock the next
     * pass. One GET per side, and only in passes that may write.
     */
    private static List<AliasRecord> aliases(
            ArmGeoDrPort port,
            Desired desired,
            SideView primary,
            SideView partner,
            SideView side,
            NamespaceRef namespace) {
        if (!PairingPlanner.needsAliasList(desired, primary, partner, side)) {
            return List.of();
        }
        return port.listAliases(namespace);
    }

    private static SideView side(ArmGeoDrPort port, NamespaceRef namespace, String alias) {
        try {
            return port.getAlias(namespace, alias)
                    .<SideView>map(SideView.Present::new)
                    .orElseGet(SideView.Absent::new);
        } catch (ArmException e) {
            if (e.isNamespaceNotFound()) {
                return new SideView.NamespaceMissing();
            }
            if (e.kind() == ArmErrorKind.TRANSIENT) {
                return new SideView.Unreachable(e.getMessage());
            }
            throw e;
        }
    }
}
