package dev.geodr.servicebus.simulator.clock;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * A clock that either stands still until advanced (manual mode, for deterministic tests) or follows
 * the wall clock at {@code 1/timeScale} speed (a time scale of 0.05 makes a 90 s pairing take 4.5
 * s). {@link #advance} works in both modes, so a demo can also skip ahead.
 */
public final class VirtualClock implements SimulatorClock {

    private final boolean manual;
    private final double timeScale;
    private final long startVirtualMillis;
    private final long startWallNanos;
    private final LongSupplier wallNanos;
    private final AtomicLong offsetMillis = new AtomicLong();

    private VirtualClock(
            boolean manual, double timeScale, long startVirtualMillis, LongSupplier wallNanos) {
        if (!(timeScale > 0) || Double.isInfinite(timeScale)) {
            throw new IllegalArgumentException(
                    "time scale must be a positive number, got " + timeScale);
        }
        this.manual = manual;
        this.timeScale = timeScale;
        this.startVirtualMillis = startVirtualMillis;
        this.wallNanos = wallNanos;
        this.startWallNanos = wallNanos.getAsLong();
    }

    /** A clock that only moves when {@link #advance} is called. */
    public static VirtualClock manual(Instant start) {
        return new VirtualClock(true, 1.0, start.toEpochMilli(), System::nanoTime);
    }

    /** A clock that follows the wall clock; virtual time runs {@code 1/timeScale} times as fast. */
    public static VirtualClock realTime(double timeScale) {
        return realTime(timeScale, Instant.now(), System::nanoTime);
    }

    /** For tests: a real-time clock on an injected nanosecond source. */
    public static VirtualClock realTime(double timeScale, Instant start, LongSupplier wallNanos) {
        return new VirtualClock(false, timeScale, start.toEpochMilli(), wallNanos);
    }

    @Override
    public long nowMillis() {
        long elapsed = 0;
        if (!manual) {
            long wallElapsedNanos = wallNanos.getAsLong() - startWallNanos;
            elapsed = (long) (wallElapsedNanos / 1_000_000.0 / timeScale);
        }
        return startVirtualMillis + elapsed + offsetMillis.get();
    }

    public Instant now() {
        return Instant.ofEpochMilli(nowMillis());
    }

    /** Moves virtual time forward; negative amounts are refused because time never goes back. */
    public Instant advance(Duration amount) {
        if (amount.isNegative()) {
            throw new IllegalArgumentException("the clock cannot go backwards");
        }
        offsetMillis.addAndGet(amount.toMillis());
        return now();
    }

    /** This clock as a {@link java.time.Clock} (UTC), for code that takes one. */
    public java.time.Clock asClock() {
        VirtualClock self = this;
        return new java.time.Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return java.time.ZoneOffset.UTC;
            }

            @Override
            public java.time.Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return self.now();
            }
        };
    }

    public boolean isManual() {
        return manual;
    }

    public double timeScale() {
        return timeScale;
    }
}
