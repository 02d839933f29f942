package dev.geodr.servicebus.pairing;

/** The kstatus-style summary: exactly one of these is true of a pairing after a pass. */
public enum Health {
    /** Ready=True. */
    READY,
    /** Reconciling=True: converging or waiting on ARM. */
    PROGRESSING,
    /** Stalled=True: a person must act. */
    STALLED
}
