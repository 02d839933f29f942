package dev.geodr.servicebus.pairing;

import dev.geodr.servicebus.arm.NamespaceInfo;
import java.util.List;
import java.util.Optional;

/**
 * Both namespaces' views of the alias, fetched fresh in this pass, plus what preflight read about
 * the namespaces (only fetched when a PUT may follow, see {@link
 * PairingPlanner#needsNamespaceInfo}) and problems with the spec found outside ARM (a missing
 * credentials Secret).
 */
public record Observed(
        SideView primary,
        SideView partner,
        Optional<NamespaceInfo> primaryInfo,
        Optional<NamespaceInfo> partnerInfo,
        List<String> specProblems) {

    public static Observed of(SideView primary, SideView partner) {
        return new Observed(primary, partner, Optional.empty(), Optional.empty(), List.of());
    }

    public Observed withInfo(NamespaceInfo primaryInfo, NamespaceInfo partnerInfo) {
        return new Observed(
                primary,
                partner,
                Optional.ofNullable(primaryInfo),
                Optional.ofNullable(partnerInfo),
                specProblems);
    }

    public Observed withSpecProblems(List<String> problems) {
        return new Observed(primary, partner, primaryInfo, partnerInfo, List.copyOf(problems));
    }
}
