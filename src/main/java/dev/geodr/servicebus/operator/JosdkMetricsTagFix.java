package dev.geodr.servicebus.operator;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.config.MeterFilter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * JOSDK 5.3.2 MetricsV2 registers {@code events.received} with an {@code action} tag for resource
 * events but without it for timer and retry events; Prometheus refuses one name with two tag-key
 * sets and the first reschedule after a finalizer is added throws. Give every such meter an {@code
 * action} tag.
 */
@ApplicationScoped
public class JosdkMetricsTagFix {

    @Produces
    @Singleton
    MeterFilter addMissingActionTag() {
        return new MeterFilter() {
            @Override
            public Meter.Id map(Meter.Id id) {
                if (id.getName().endsWith("events.received") && id.getTag("action") == null) {
                    return id.withTag(Tag.of("action", "none"));
                }
                return id;
            }
        };
    }
}
