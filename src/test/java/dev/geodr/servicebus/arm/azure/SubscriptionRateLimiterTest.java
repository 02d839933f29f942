package dev.geodr.servicebus.arm.azure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.geodr.servicebus.arm.CallPriority;
import dev.geodr.servicebus.testing.MutableClock;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SubscriptionRateLimiterTest {

    private static final String SUB_A = "11111111-1111-1111-1111-111111111111";
    private static final String SUB_B = "22222222-2222-2222-2222-222222222222";

    private final MutableClock clock = MutableClock.atEpochPlus(0);

    private SubscriptionRateLimiter limiter(RateLimitSettings settings) {
        return new SubscriptionRateLimiter(settings, clock);
    }

    private static int grants(
            SubscriptionRateLimiter limiter, String sub, ArmCallKind kind, int attempts) {
        return grants(limiter, sub, kind, attempts, CallPriority.ROUTINE);
    }

    private static int urgentGrants(
            SubscriptionRateLimiter limiter, String sub, ArmCallKind kind, int attempts) {
        return grants(limiter, sub, kind, attempts, CallPriority.URGENT);
    }

    private static int grants(
            SubscriptionRateLimiter limiter,
            String sub,
            ArmCallKind kind,
            int attempts,
            CallPriority priority) {
        int granted = 0;
        for (int i = 0; i < attempts; i++) {
            if (limiter.tryAcquire(sub, kind, priority).isEmpty()) {
                granted++;
            }
        }
        return granted;
    }

    /** The old fixed budget some tests still use: reads 10/s burst 50, writes 2/s burst 20. */
    private static RateLimitSettings small() {
        return RateLimitSettings.defaults().withReads(10, 50).withWrites(2, 20);
    }

    @Test
    void defaultsAreHalfOfArmsDocumentedBuckets() {
        RateLimitSettings d = RateLimitSettings.defaults();
        assertThat(d.armShare()).isEqualTo(0.5);
        assertThat(d.readsPerSecond()).isEqualTo(12.5);
        assertThat(d.readBurst()).isEqualTo(125);
        assertThat(d.writesPerSecond()).isEqualTo(5);
        assertThat(d.writeBurst()).isEqualTo(100);
        assertThat(RateLimitSettings.shareOfArm(1))
                .extracting(
                        RateLimitSettings::readBurst,
                        RateLimitSettings::readsPerSecond,
                        RateLimitSettings::writeBurst,
                        RateLimitSettings::writesPerSecond)
                .containsExactly(250, 25.0, 200, 10.0);
    }

    @Test
    void burstIsGrantedThenRefused() {
        SubscriptionRateLimiter limiter = limiter(small());
        assertThat(grants(limiter, SUB_A, ArmCallKind.READ, 60)).isEqualTo(50);
        assertThat(grants(limiter, SUB_A, ArmCallKind.WRITE, 30)).isEqualTo(20);
    }

    @Test
    void urgentCallsGoAheadOfAnEmptiedBucketAndRoutineCallsRepayTheDebt() {
        SubscriptionRateLimiter limiter = limiter(small());
        assertThat(grants(limiter, SUB_A, ArmCallKind.WRITE, 30))
                .as("routine work used the whole write burst")
                .isEqualTo(20);
        assertThat(urgentGrants(limiter, SUB_A, ArmCallKind.WRITE, 30))
                .as("failovers may overdraw by one burst")
                .isEqualTo(20);
        clock.advance(Duration.ofSeconds(5)); // 10 tokens back: the debt is 10
        assertThat(grants(limiter, SUB_A, ArmCallKind.WRITE, 5)).isZero();
        clock.advance(Duration.ofMillis(5500)); // debt repaid, one token more
        assertThat(grants(limiter, SUB_A, ArmCallKind.WRITE, 5)).isEqualTo(1);
    }

    @Test
    void armsRemainingQuotaCapsTheBucketAtTheConfiguredShare() {
        SubscriptionRateLimiter limiter = limiter(RateLimitSettings.defaults());
        limiter.remaining(SUB_A, ArmCallKind.READ, 9);
        assertThat(grants(limiter, SUB_A, ArmCallKind.READ, 10))
                .as("half of what ARM has left, rounded down")
                .isEqualTo(4);
        assertThat(grants(limiter, SUB_A, ArmCallKind.WRITE, 200))
                .as("writes are capped by the writes header only")
                .isEqualTo(100);
        assertThat(urgentGrants(limiter, SUB_A, ArmCallKind.READ, 200))
                .as("a failover still overdraws by one burst")
                .isEqualTo(125);
    }

    @Test
    void a429PausesOnlyThatKindAndHalvesItsRefillUntilItRecovers() {
        SubscriptionRateLimiter limiter = limiter(small());
        limiter.throttled(SUB_A, ArmCallKind.READ, Duration.ofSeconds(2));
        assertThat(limiter.tryAcquire(SUB_A, ArmCallKind.READ, CallPriority.URGENT))
                .as("Retry-After holds for failovers too")
                .contains(Duration.ofSeconds(2));
        assertThat(limiter.tryAcquire(SUB_A, ArmCallKind.WRITE, CallPriority.URGENT))
                .as("throttled reads do not hold back a failover POST")
                .isEmpty();
        clock.advance(Duration.ofSeconds(2));
        assertThat(grants(limiter, SUB_A, ArmCallKind.READ, 10)).isEqualTo(1);
        clock.advance(Duration.ofSeconds(1));
        assertThat(grants(limiter, SUB_A, ArmCallKind.READ, 20))
                .as("5 reads a second, half of 10, a little recovered after a second")
                .isBetween(5, 6);
        clock.advance(SubscriptionRateLimiter.RECOVERY_PERIOD);
        grants(limiter, SUB_A, ArmCallKind.READ, 100);
        clock.advance(Duration.ofSeconds(1));
        assertThat(grants(limiter, SUB_A, ArmCallKind.READ, 20))
                .as("back to the configured rate")
                .isEqualTo(10);
    }

    @Test
    void repeated429sSlowTheRefillToASixteenthAtMost() {
        SubscriptionRateLimiter limiter = limiter(small().withReads(16, 100));
        for (int i = 0; i < 10; i++) {
            limiter.throttled(SUB_A, ArmCallKind.READ, Duration.ZERO);
        }
        grants(limiter, SUB_A, ArmCallKind.READ, 10);
        clock.advance(Duration.ofSeconds(1));
        assertThat(grants(limiter, SUB_A, ArmCallKind.READ, 10)).isEqualTo(1);
    }

    @Test
    void refusalSaysHowLongUntilTheNextToken() {
        SubscriptionRateLimiter limiter = limiter(small());
        grants(limiter, SUB_A, ArmCallKind.WRITE, 20);
        Optional<Duration> wait = limiter.tryAcquire(SUB_A, ArmCallKind.WRITE);
        assertThat(wait).contains(Duration.ofMillis(500)); // 2 writes/s
        clock.advance(Duration.ofMillis(499));
        assertThat(limiter.tryAcquire(SUB_A, ArmCallKind.WRITE)).isPresent();
        clock.advance(Duration.ofMillis(1));
        assertThat(limiter.tryAcquire(SUB_A, ArmCallKind.WRITE)).isEmpty();
    }

    @Test
    void refillsAtTheConfiguredRateUpToTheBurst() {
        SubscriptionRateLimiter limiter = limiter(small().withReads(10, 5));
        assertThat(grants(limiter, SUB_A, ArmCallKind.READ, 10)).isEqualTo(5);
        clock.advance(Duration.ofMillis(300));
        assertThat(grants(limiter, SUB_A, ArmCallKind.READ, 10)).isEqualTo(3);
        clock.advance(Duration.ofHours(1));
        assertThat(grants(limiter, SUB_A, ArmCallKind.READ, 10)).isEqualTo(5);
    }

    @Test
    void readsAndWritesHaveSeparateBuckets() {
        SubscriptionRateLimiter limiter = limiter(RateLimitSettings.defaults().withWrites(1, 1));
        assertThat(limiter.tryAcquire(SUB_A, ArmCallKind.WRITE)).isEmpty();
        assertThat(limiter.tryAcquire(SUB_A, ArmCallKind.WRITE)).isPresent();
        assertThat(limiter.tryAcquire(SUB_A, ArmCallKind.READ)).isEmpty();
    }

    @Test
    void subscriptionsAreIsolated() {
        SubscriptionRateLimiter limiter = limiter(RateLimitSettings.defaults().withWrites(1, 2));
        assertThat(grants(limiter, SUB_A, ArmCallKind.WRITE, 5)).isEqualTo(2);
        assertThat(grants(limiter, SUB_B, ArmCallKind.WRITE, 5)).isEqualTo(2);
        limiter.throttled(SUB_A, ArmCallKind.READ, Duration.ofSeconds(30));
        assertThat(limiter.tryAcquire(SUB_B, ArmCallKind.READ)).isEmpty();
        assertThat(limiter.pausedFor(SUB_B, ArmCallKind.READ)).isEmpty();
    }

    @Test
    void subscriptionIdsCompareCaseInsensitively() {
        SubscriptionRateLimiter limiter = limiter(RateLimitSettings.defaults().withWrites(1, 1));
        assertThat(limiter.tryAcquire("ABCDEF00-0000-0000-0000-000000000000", ArmCallKind.WRITE))
                .isEmpty();
        assertThat(limiter.tryAcquire("abcdef00-0000-0000-0000-000000000000", ArmCallKind.WRITE))
                .isPresent();
    }

    @Test
    void retryAfterPausesThatKindOfCallUntilItElapses() {
        SubscriptionRateLimiter limiter = limiter(RateLimitSettings.defaults());
        limiter.throttled(SUB_A, ArmCallKind.READ, Duration.ofSeconds(17));
        assertThat(limiter.tryAcquire(SUB_A, ArmCallKind.READ)).contains(Duration.ofSeconds(17));
        clock.advance(Duration.ofSeconds(16));
        assertThat(limiter.pausedFor(SUB_A, ArmCallKind.READ)).contains(Duration.ofSeconds(1));
        assertThat(limiter.tryAcquire(SUB_A, ArmCallKind.READ)).contains(Duration.ofSeconds(1));
        clock.advance(Duration.ofSeconds(1));
        assertThat(limiter.pausedFor(SUB_A, ArmCallKind.READ)).isEmpty();
        assertThat(limiter.tryAcquire(SUB_A, ArmCallKind.READ)).isEmpty();
    }

    @Test
    void afterAPauseCallsResumeAtTheRefillRateNotAsABurst() {
        SubscriptionRateLimiter limiter = limiter(small());
        limiter.throttled(SUB_A, ArmCallKind.READ, Duration.ofSeconds(60));
        clock.advance(Duration.ofSeconds(60));
        assertThat(grants(limiter, SUB_A, ArmCallKind.READ, 10)).isEqualTo(1);
        clock.advance(Duration.ofSeconds(1));
        assertThat(grants(limiter, SUB_A, ArmCallKind.READ, 20))
                .as("the halved rate, recovering (about 5 a second)")
                .isBetween(5, 8);
    }

    @Test
    void aShorterSecondPauseDoesNotShortenTheFirst() {
        SubscriptionRateLimiter limiter = limiter(RateLimitSettings.defaults());
        limiter.throttled(SUB_A, ArmCallKind.WRITE, Duration.ofSeconds(30));
        limiter.throttled(SUB_A, ArmCallKind.WRITE, Duration.ofSeconds(5));
        assertThat(limiter.pausedFor(SUB_A, ArmCallKind.WRITE)).contains(Duration.ofSeconds(30));
    }

    @Test
    void absurdRetryAfterIsCapped() {
        SubscriptionRateLimiter limiter = limiter(RateLimitSettings.defaults());
        limiter.throttled(SUB_A, ArmCallKind.READ, Duration.ofDays(2));
        assertThat(limiter.pausedFor(SUB_A, ArmCallKind.READ))
                .contains(RateLimitSettings.DEFAULT_MAX_PAUSE);
    }
}
