package dev.geodr.servicebus.georeplication;

import java.time.Duration;
import java.time.Instant;

/** Replication lag from Azure Monitor (ARM does not report it on the namespace). */
public sealed interface LagView {

    /**
     * The worst entity's {@code ReplicationLagDuration}.
     *
     * @param asOf the metric's own timestamp, so status can say how old it is
     */
    record Known(Duration worst, String entity, Instant asOf) implements LagView {}

    /** The metrics call was refused (no Monitoring Reader); promotions still work. */
    record NotPermitted(String message) implements LagView {}

    /** Not read this pass (synchronous replication, not geo-replicated yet, or a failed read). */
    record NotRead() implements LagView {}
}
