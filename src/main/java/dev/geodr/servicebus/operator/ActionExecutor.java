package dev.geodr.servicebus.operator;

import dev.geodr.servicebus.arm.ArmErrorKind;
import dev.geodr.servicebus.arm.ArmException;
import dev.geodr.servicebus.arm.ArmGeoDrPort;
import dev.geodr.servicebus.pairing.Action;

/**
 * Carries out the plan's one ARM call. NotFound on break or delete means the work is already done.
 */
final class ActionExecutor {

    private ActionExecutor() {}

    /** Returns the Event text for what was done, or null when nothing was sent. */
    static String execute(ArmGeoDrPort port, Action action) {
        try {
            if (action instanceof Action.CreatePairing a) {
                port.createOrUpdatePairing(
                        a.primary(), a.alias(), a.partner(), a.alternateName().orElse(null));
                return "PUT alias "
                        + a.alias()
                        + " on "
                        + a.primary().name()
                        + " with partner "
                        + a.partner().name();
            }
            if (action instanceof Action.BreakPairing a) {
                port.breakPairing(a.primary(), a.alias());
                return "POST breakPairing for alias " + a.alias() + " on " + a.primary().name();
            }
            if (action instanceof Action.Failover a) {
                port.failover(a.secondary(), a.alias(), a.mode());
                return "POST failover ("
                        + a.mode()
                        + ") for alias "
                        + a.alias()
                        + " on "
                        + a.secondary().name();
            }
            if (action instanceof Action.DeleteAlias a) {
                port.deleteAlias(a.holder(), a.alias());
                return "DELETE alias " + a.alias() + " on " + a.holder().name();
            }
            return null;
        } catch (ArmException e) {
            boolean alreadyGone =
                    e.kind() == ArmErrorKind.NOT_FOUND
                            && (action instanceof Action.DeleteAlias
                                    || action instanceof Action.BreakPairing);
            if (alreadyGone) {
                return null;
            }
            throw e;
        }
    }

    static String eventReason(Action action) {
        if (action instanceof Action.CreatePairing) {
            return "PairingRequested";
        }
        if (action instanceof Action.BreakPairing) {
            return "BreakRequested";
        }
        if (action instanceof Action.Failover) {
            return "FailoverIssued";
        }
        if (action instanceof Action.DeleteAlias) {
            return "AliasDeleteRequested";
        }
        return "Reconciled";
    }
}
