package dev.geodr.servicebus.pairing;

import dev.geodr.servicebus.arm.AliasRecord;
import dev.geodr.servicebus.arm.NamespaceInfo;
import java.util.List;
import java.util.Optional;

/**
 * Both namespaces' views of the alias, fetched fresh in this pass, plus what preflight read about
 * the namespaces (only fetched when a PUT may follow, see {@link
 * PairingPlanner#needsNamespaceInfo}) and problems with the spec found outside ARM (a missing
 * credentials Secret).
 *
 * @param primaryAliases every alias record listed on the primary, whatever its name; listed only
 *     with the namespace info and only while the primary holds no record of our alias, otherwise
 *     empty
 * @param partnerAliases the same for the partner, listed only while it holds no record of our alias
 */
public record Observed(
        SideView primary,
        SideView partner,
        Optional<NamespaceInfo> primaryInfo,
        Optional<NamespaceInfo> partnerInfo,
        List<String> specProblems,
        List<AliasRecord> primaryAliases,
        List<AliasRecord> partnerAliases) {

    public static Observed of(SideView primary, SideView partner) {
        return new Observed(
                primary,
                partner,
                Optional.empty(),
                Optional.empty(),
                List.of(),
                List.of(),
                List.of());
    }

    public Observed withInfo(NamespaceInfo primaryInfo, NamespaceInfo partnerInfo) {
        return new Observed(
                primary,
                partner,
                Optional.ofNullable(primaryInfo),
                Optional.ofNullable(partnerInfo),
                specProblems,
                primaryAliases,
                partnerAliases);
    }

    public Observed withSpecProblems(List<String> problems) {
        return new Observed(
                primary,
                partner,
                primaryInfo,
                partnerInfo,
                List.copyOf(problems),
                primaryAliases,
                partnerAliases);
    }

    public Observed withAliases(List<AliasRecord> onPrimary, List<AliasRecord> onPartner) {
        return new Observed(
                primary,
                partner,
                primaryInfo,
                partnerInfo,
                specProblems,
                List.copyOf(onPrimary),
                List.copyOf(onPartner));
    }
}
