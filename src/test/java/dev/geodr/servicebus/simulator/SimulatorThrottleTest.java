package dev.geodr.servicebus.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.geodr.servicebus.simulator.http.ThrottleBuckets;
import dev.geodr.servicebus.simulator.http.ThrottleLimits;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * ARM throttling (§6.1): per-subscription token buckets, 429 with Retry-After, remaining-count
 * headers.
 */
class SimulatorThrottleTest {

    private static final String NS = SimulatorClient.nsId("rg-t", "ns-throttle");

    @Test
    void aBurstOfGetsAgainstATinyBucketYieldsTheExpectedNumberOf429s() {
        // 5 reads, refilling one token per 100 s: a burst of 12 GETs gets exactly 7 refusals
        try (SimulatorClient c =
                SimulatorClient.start(
                        SimulatorClient.manual()
                                .throttle(new ThrottleLimits(5, 0.01, 200, 10, 200, 10)))) {
            c.putNamespace("rg-t", "ns-throttle", "{}");
            int ok = 0;
            int throttled = 0;
            for (int i = 0; i < 12; i++) {
                SimulatorClient.Resp r = c.arm("GET", NS, "/disasterRecoveryConfigs", null);
                if (r.status() == 200) {
                    ok++;
                    assertThat(r.header("x-ms-ratelimit-remaining-subscription-reads"))
                            .isEqualTo(Integer.toString(5 - ok));
                } else {
                    throttled++;
                    assertThat(r.status()).isEqualTo(429);
                    assertThat(Long.parseLong(r.header("Retry-After"))).isBetween(1L, 100L);
                    assertThat(r.errorCode()).isEqualTo("SubscriptionRequestsThrottled");
                    assertThat(r.errorMessage()).startsWith("[simulator]");
                    assertThat(r.header("x-ms-failure-cause")).isEqualTo("gateway");
                    assertThat(r.header("x-ms-ratelimit-remaining-subscription-reads"))
                            .isEqualTo("0");
                }
            }
            assertThat(ok).isEqualTo(5);
            assertThat(throttled).isEqualTo(7);
            // writes and deletes have buckets of their own, and other subscriptions are untouched
            SimulatorClient.Resp write =
                    c.arm(
                            "POST",
                            NS,
                            "/disasterRecoveryConfigs/CheckNameAvailability",
                            "{\"name\":\"free-name\"}");
            assertThat(write.status()).isEqualTo(200);
            assertThat(write.header("x-ms-ratelimit-remaining-subscription-writes"))
                    .isEqualTo("199");
            SimulatorClient.Resp delete =
                    c.arm("DELETE", NS, "/disasterRecoveryConfigs/none", null);
            assertThat(delete.status()).isEqualTo(404);
            assertThat(delete.header("x-ms-ratelimit-remaining-subscription-deletes"))
                    .isEqualTo("199");
            SimulatorClient.Resp otherSub =
                    c.send(
                            "GET",
                            "/subscriptions/99999999-0000-0000-0000-000000000000/resourceGroups/rg"
                                    + "/providers/Microsoft.ServiceBus/namespaces/ns-other?api-version=2021-11-01",
                            null);
            assertThat(otherSub.status()).isEqualTo(404);
            assertThat(otherSub.header("x-ms-ratelimit-remaining-subscription-reads"))
                    .isEqualTo("4");
            long throttledInLog =
                    c
                            .send("GET", "/simulator/calls", null)
                            .json()
                            .get("calls")
                            .findValues("status")
                            .stream()
                            .filter(s -> s.asInt() == 429)
                            .count();
            assertThat(throttledInLog).isEqualTo(7);
        }
    }

    @Test
    void theThrottleFaultShrinksTheBucketsAndClearingFaultsRestoresThem() {
        try (SimulatorClient c = SimulatorClient.start(SimulatorClient.manual())) {
            c.putNamespace("rg-t", "ns-throttle", "{}");
            assertThat(
                            c.send(
                                            "POST",
                                            "/simulator/faults",
                                            "{\"throttle\":{\"reads\":2,\"refillPerSecond\":0}}")
                                    .status())
                    .isEqualTo(200);
            assertThat(c.arm("GET", NS, "", null).status()).isEqualTo(200);
            assertThat(c.arm("GET", NS, "", null).status()).isEqualTo(200);
            SimulatorClient.Resp refused = c.arm("GET", NS, "", null);
            assertThat(refused.status()).isEqualTo(429);
            assertThat(refused.header("Retry-After"))
                    .as("a bucket that never refills")
                    .isEqualTo("3600");
            assertThat(c.send("DELETE", "/simulator/faults", null).status()).isEqualTo(200);
            assertThat(c.arm("GET", NS, "", null).status()).isEqualTo(200);
        }
    }

    @Test
    void bucketsRefillOnTheWallClockAndRetryAfterIsTheTimeToOneToken() {
        AtomicLong nanos = new AtomicLong();
        ThrottleBuckets b = new ThrottleBuckets(new ThrottleLimits(3, 0.5, 1, 1, 1, 1), nanos::get);
        for (int i = 2; i >= 0; i--) {
            ThrottleBuckets.Outcome o = b.take("sub", ThrottleBuckets.Kind.READS);
            assertThat(o.allowed()).isTrue();
            assertThat(o.remaining()).isEqualTo(i);
        }
        ThrottleBuckets.Outcome refused = b.take("sub", ThrottleBuckets.Kind.READS);
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfterSeconds()).isEqualTo(2);
        nanos.addAndGet(1_000_000_000L);
        assertThat(b.take("sub", ThrottleBuckets.Kind.READS).retryAfterSeconds()).isEqualTo(1);
        nanos.addAndGet(1_000_000_000L);
        assertThat(b.take("sub", ThrottleBuckets.Kind.READS).allowed()).isTrue();
        assertThat(b.take("SUB", ThrottleBuckets.Kind.READS).allowed())
                .as("subscription ids ignore case")
                .isFalse();
        assertThat(b.take("sub", ThrottleBuckets.Kind.WRITES).allowed()).isTrue();
        assertThat(ThrottleBuckets.Kind.of("GET")).isEqualTo(ThrottleBuckets.Kind.READS);
        assertThat(ThrottleBuckets.Kind.of("POST")).isEqualTo(ThrottleBuckets.Kind.WRITES);
        assertThat(ThrottleBuckets.Kind.of("PUT")).isEqualTo(ThrottleBuckets.Kind.WRITES);
        assertThat(ThrottleBuckets.Kind.of("DELETE")).isEqualTo(ThrottleBuckets.Kind.DELETES);
    }
}
