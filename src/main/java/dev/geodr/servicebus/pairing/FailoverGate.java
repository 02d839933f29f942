package dev.geodr.servicebus.pairing;

import dev.geodr.servicebus.arm.FailoverMode;

/** Public face of the failover gate, shared by the planner and the FailoverReady condition. */
public final class FailoverGate {

    private FailoverGate() {}

    /**
     * Why ARM refuses every Safe failover of this pairing whatever its state (primary and partner
     * in different subscriptions), or empty.
     */
    public static java.util.Optional<String> safeNeverAccepted(Desired desired) {
        return FailoverRules.acrossSubscriptions(desired);
    }

    /** Null when a failover in {@code mode} would be accepted now, else why not. */
    public static String blocker(FailoverMode mode, SideView primary, SideView partner) {
        return FailoverRules.gateBlocker(mode, primary, partner);
    }
}
