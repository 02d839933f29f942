package dev.geodr.servicebus.parity;

import java.time.Instant;
import java.util.List;

/**
 * One comparison of a pairing's two namespaces.
 *
 * @param checkedAt when both sides were read
 * @param gaps every difference found, in {@link ParityCheck}'s order
 * @param problems what could not be read and why (no gap is claimed for it)
 */
public record ParityReport(Instant checkedAt, List<ParityGap> gaps, List<String> problems) {

    public ParityReport {
        gaps = List.copyOf(gaps);
        problems = List.copyOf(problems);
    }
}
