package dev.geodr.servicebus.arm.azure;

import static org.assertj.core.api.Assertions.assertThat;

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
        int granted = 0;
        for (int i = 0; i < attempts; i++) {
            if (limiter.tryAcquire(sub, kind).isEmpty()) {
                granted++;
            }
        }
        return granted;
    }

    @Test
    void defaultsAreFarBelowArmLimits() {
        RateLimitSettings d = RateLimitSettings.defaults();
        assertThat(d.readsPerSecond()).isEqualTo(10);
        assertThat(d.readBurst()).isEqualTo(50);
        assertThat(d.writesPerSecond()).isEqualTo(2);
        assertThat(d.writeBurst()).isEqualTo(20);
    }

    @Test
    void burstIsGrantedThenRefused() {
        SubscriptionRateLimiter limiter = limiter(RateLimitSettings.defaults());
        assertThat(grants(limiter, SUB_A, ArmCallKind.READ, 60)).isEqualTo(50);
        assertThat(grants(limiter, SUB_A, ArmCallKind.WRITE, 30)).isEqualTo(20);
    }

    @Test
    void refusalSaysHowLongUntilTheNextToken() {
        SubscriptionRateLimiter limiter = limiter(RateLimitSettings.defaults());
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
        SubscriptionRateLimiter limiter = limiter(RateLimitSettings.defaults().withReads(10, 5));
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
        limiter.pause(SUB_A, Duration.ofSeconds(30));
        assertThat(limiter.tryAcquire(SUB_B, ArmCallKind.READ)).isEmpty();
        assertThat(limiter.pausedFor(SUB_B)).isEmpty();
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
    void retryAfterPausesEveryCallOfTheSubscriptionUntilItElapses() {
        SubscriptionRateLimiter limiter = limiter(RateLimitSettings.defaults());
        limiter.pause(SUB_A, Duration.ofSeconds(17));
        assertThat(limiter.tryAcquire(SUB_A, ArmCallKind.READ)).contains(Duration.ofSeconds(17));
        assertThat(limiter.tryAcquire(SUB_A, ArmCallKind.WRITE)).contains(Duration.ofSeconds(17));
        clock.advance(Duration.ofSeconds(16));
        assertThat(limiter.pausedFor(SUB_A)).contains(Duration.ofSeconds(1));
        assertThat(limiter.tryAcquire(SUB_A, ArmCallKind.READ)).contains(Duration.ofSeconds(1));
        clock.advance(Duration.ofSeconds(1));
        assertThat(limiter.pausedFor(SUB_A)).isEmpty();
        assertThat(limiter.tryAcquire(SUB_A, ArmCallKind.READ)).isEmpty();
    }

    @Test
    void afterAPauseCallsResumeAtTheRefillRateNotAsABurst() {
        SubscriptionRateLimiter limiter = limiter(RateLimitSettings.defaults());
        limiter.pause(SUB_A, Duration.ofSeconds(60));
        clock.advance(Duration.ofSeconds(60));
        assertThat(grants(limiter, SUB_A, ArmCallKind.READ, 10)).isEqualTo(1);
        clock.advance(Duration.ofSeconds(1));
        assertThat(grants(limiter, SUB_A, ArmCallKind.READ, 20)).isEqualTo(10);
    }

    @Test
    void aShorterSecondPauseDoesNotShortenTheFirst() {
        SubscriptionRateLimiter limiter = limiter(RateLimitSettings.defaults());
        limiter.pause(SUB_A, Duration.ofSeconds(30));
        limiter.pause(SUB_A, Duration.ofSeconds(5));
        assertThat(limiter.pausedFor(SUB_A)).contains(Duration.ofSeconds(30));
    }

    @Test
    void absurdRetryAfterIsCapped() {
        SubscriptionRateLimiter limiter = limiter(RateLimitSettings.defaults());
        limiter.pause(SUB_A, Duration.ofDays(2));
        assertThat(limiter.pausedFor(SUB_A)).contains(RateLimitSettings.DEFAULT_MAX_PAUSE);
    }
}
