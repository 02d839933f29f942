package dev.geodr.servicebus.status;

import dev.geodr.servicebus.api.v1alpha1.Conditions;
import dev.geodr.servicebus.api.v1alpha1.ParityDifference;
import dev.geodr.servicebus.api.v1alpha1.ParityStatus;
import dev.geodr.servicebus.parity.ParityGap;
import dev.geodr.servicebus.parity.ParityReport;
import io.fabric8.kubernetes.api.model.Condition;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * {@code status.parity} and the SettingsInParity condition. A difference is reported, never
 * enforced: it never blocks a Safe or a Forced failover (docs/api.md, "Parity").
 */
final class ParityProjection {

    static final String MATCH = "SettingsMatch";
    static final String DIFFER = "SettingsDiffer";
    static final String NOT_COMPARED = "NotCompared";

    private ParityProjection() {}

    /** The new report when this pass read one, else what the last status showed. */
    static ParityStatus status(Optional<ParityReport> report, ParityStatus previous) {
        return report.map(ParityProjection::toStatus).orElse(previous);
    }

    static Condition condition(
            List<Condition> before, long generation, ParityStatus parity, Instant now) {
        Judged judged = judge(parity);
        return Kstatus.condition(
                before,
                generation,
                Conditions.SETTINGS_IN_PARITY,
                judged.status(),
                judged.reason(),
                judged.message(),
                now);
    }

    private record Judged(String status, String reason, String message) {}

    private static Judged judge(ParityStatus parity) {
        if (parity == null) {
            return new Judged(
                    Conditions.UNKNOWN,
                    NOT_COMPARED,
                    "not compared yet: both namespaces must answer, and no failover be pending");
        }
        List<ParityDifference> differences = differences(parity);
        List<String> problems = parity.problems() == null ? List.of() : parity.problems();
        if (!differences.isEmpty()) {
            String problemTail = problems.isEmpty() ? "" : "; " + String.join("; ", problems);
            return new Judged(
                    Conditions.FALSE,
                    DIFFER,
                    "the partner differs from the primary in "
                            + settingNames(differences)
                            + ", which Geo-DR does not replicate: clients may fail after a failover"
                            + " (status.parity)"
                            + problemTail);
        }
        if (!problems.isEmpty()) {
            return new Judged(Conditions.UNKNOWN, NOT_COMPARED, String.join("; ", problems));
        }
        return new Judged(
                Conditions.TRUE,
                MATCH,
                "the partner matches the primary in every setting Geo-DR does not replicate");
    }

    /** What FailoverReady adds when the partner differs; empty when it does not. */
    static String failoverTail(ParityStatus parity) {
        List<ParityDifference> differences = differences(parity);
        return differences.isEmpty()
                ? ""
                : "; the partner differs in " + settingNames(differences) + " (status.parity)";
    }

    /** The settings that differ, each once, in the report's order. */
    private static String settingNames(List<ParityDifference> differences) {
        return String.join(
                ", ", differences.stream().map(ParityDifference::setting).distinct().toList());
    }

    private static List<ParityDifference> differences(ParityStatus parity) {
        return parity == null || parity.differences() == null ? List.of() : parity.differences();
    }

    private static ParityStatus toStatus(ParityReport report) {
        return new ParityStatus(
                Times.format(report.checkedAt()),
                report.gaps().stream().map(ParityProjection::difference).toList(),
                report.problems());
    }

    private static ParityDifference difference(ParityGap gap) {
        return new ParityDifference(
                gap.setting(), gap.primaryValue(), gap.partnerValue(), gap.impact());
    }
}
