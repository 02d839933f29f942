package dev.geodr.servicebus.parity;

import dev.geodr.servicebus.core.Notice;
import java.util.ArrayList;
import java.util.List;

/**
 * The Events of a new comparison: a Warning for each difference (or unreadable part) that appears,
 * a Normal one for each that goes away; nothing when the report says what the last one said.
 */
public final class ParityNotices {

    public static final String GAP_FOUND = "ParityGapFound";
    public static final String GAP_RESOLVED = "ParityGapResolved";
    public static final String NOT_COMPARED = "ParityNotCompared";

    private ParityNotices() {}

    public static List<Notice> between(
            List<ParityGap> gapsBefore, List<String> problemsBefore, ParityReport now) {
        List<Notice> notices = new ArrayList<>();
        for (ParityGap gap : now.gaps()) {
            if (!gapsBefore.contains(gap)) {
                notices.add(
                        Notice.warning(
                                GAP_FOUND,
                                gap.setting()
                                        + " differs (primary "
                                        + gap.primaryValue()
                                        + ", partner "
                                        + gap.partnerValue()
                                        + "): "
                                        + gap.impact()));
            }
        }
        for (ParityGap gap : gapsBefore) {
            if (!now.gaps().contains(gap)) {
                notices.add(
                        Notice.normal(
                                GAP_RESOLVED,
                                gap.setting()
                                        + " no longer differs as it did (primary "
                                        + gap.primaryValue()
                                        + ", partner "
                                        + gap.partnerValue()
                                        + ")"));
            }
        }
        for (String problem : now.problems()) {
            if (!problemsBefore.contains(problem)) {
                notices.add(Notice.warning(NOT_COMPARED, problem));
            }
        }
        return List.copyOf(notices);
    }
}
