package dev.geodr.servicebus.core;

/** The kstatus-style summary: exactly one of these is true of a resource after a pass. */
public enum Health {
    /** Ready=True. */
    READY,
    /** Reconciling=True: converging or waiting on ARM. */
    PROGRESSING,
    /** Stalled=True: a person must act. */
    STALLED
}
