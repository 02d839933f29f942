package dev.geodr.servicebus.georeplication;

import static org.assertj.core.api.Assertions.assertThat;

import dev.geodr.servicebus.core.Notice;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReplicaOperationsTest {

    private static Optional<OperationView> view(String name) {
        return switch (name) {
            case "-" -> Optional.empty();
            case "running" ->
                    Optional.of(new OperationView.InProgress(Optional.of(Duration.ofSeconds(10))));
            case "done" -> Optional.of(new OperationView.Succeeded());
            case "failed" -> Optional.of(new OperationView.Failed("Failed", "quota"));
            case "gone" -> Optional.of(new OperationView.Gone());
            default -> throw new IllegalArgumentException(name);
        };
    }

    private static Optional<String> url(String s) {
        return s.equals("-") ? Optional.empty() : Optional.of(s);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                // row | kept | observed | started | next | warning
                "nothing followed, nothing sent           | -   | -       | -   | -   | -",
                "an update just sent is followed          | -   | -       | new | new | -",
                "a new update replaces the one that ended | old | done    | new | new | -",
                "the followed update still runs           | old | running | -   | old | -",
                "not readable this pass: still followed   | old | -       | -   | old | -",
                "ended Succeeded: no longer followed      | old | done    | -   | -   | -",
                "ended Failed: dropped, with a Warning    | old | failed  | -   | -   | UpdateFailed",
                "ARM no longer knows it: dropped          | old | gone    | -   | -   | -",
            })
    void whichUpdateStatusFollows(
            String row, String kept, String observed, String started, String next, String warning) {
        assertThat(ReplicaOperations.next(url(kept), view(observed), url(started)))
                .isEqualTo(url(next));
        assertThat(
                        ReplicaOperations.ended(url(kept), view(observed))
                                .map(Notice::reason)
                                .orElse("-"))
                .isEqualTo(warning);
    }
}
