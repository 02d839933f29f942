package dev.geodr.servicebus.operator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LeaderElectionTest {

    @ParameterizedTest(name = "POD_NAME={0}, HOSTNAME={1} -> {2}")
    @CsvSource(
            nullValues = "null",
            value = {
                "op-7d9-abc, host-1, op-7d9-abc",
                "null, host-1, host-1",
                "'  ', host-1, host-1",
                "null, null, <random>",
                "'', '', <random>",
            })
    void theLeaseIdentityIsThePodNameElseTheHostElseRandom(
            String podName, String hostName, String expected) {
        String identity = LeaderElection.identity(podName, hostName);
        if (expected.equals("<random>")) {
            assertThat(UUID.fromString(identity)).isNotNull();
            assertThat(LeaderElection.identity(podName, hostName)).isNotEqualTo(identity);
        } else {
            assertThat(identity).isEqualTo(expected);
        }
    }
}
