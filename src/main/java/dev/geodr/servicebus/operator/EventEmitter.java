package dev.geodr.servicebus.operator;

import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import org.jboss.logging.Logger;

/**
 * Kubernetes Events for each action and outcome. Best effort: an Event that cannot be written is
 * logged, never allowed to fail a pass that already talked to Azure. Messages never carry keys.
 */
final class EventEmitter {

    static final String COMPONENT = "servicebus-geodr-operator";
    private static final Logger LOG = Logger.getLogger(EventEmitter.class);

    private final KubernetesClient client;
    private final Clock clock;

    EventEmitter(KubernetesClient client, Clock clock) {
        this.client = client;
        this.clock = clock;
    }

    void normal(HasMetadata resource, String reason, String message) {
        emit(resource, "Normal", reason, message);
    }

    void warning(HasMetadata resource, String reason, String message) {
        emit(resource, "Warning", reason, message);
    }

    private void emit(HasMetadata resource, String type, String reason, String message) {
        String now =
                DateTimeFormatter.ISO_INSTANT.format(
                        clock.instant().truncatedTo(ChronoUnit.SECONDS));
        var meta = resource.getMetadata();
        try {
            client.v1()
                    .events()
                    .inNamespace(meta.getNamespace())
                    .resource(
                            new EventBuilder()
                                    .withNewMetadata()
                                    .withGenerateName(meta.getName() + ".")
                                    .withNamespace(meta.getNamespace())
                                    .endMetadata()
                                    .withInvolvedObject(
                                            new ObjectReferenceBuilder()
                                                    .withApiVersion(resource.getApiVersion())
                                                    .withKind(resource.getKind())
                                                    .withName(meta.getName())
                                                    .withNamespace(meta.getNamespace())
                                                    .withUid(meta.getUid())
                                                    .withResourceVersion(meta.getResourceVersion())
                                                    .build())
                                    .withType(type)
                                    .withReason(reason)
                                    .withMessage(truncate(message))
                                    .withFirstTimestamp(now)
                                    .withLastTimestamp(now)
                                    .withCount(1)
                                    .withNewSource()
                                    .withComponent(COMPONENT)
                                    .endSource()
                                    .withReportingComponent(COMPONENT)
                                    .build())
                    .create();
            LOG.infof(
                    "%s/%s %s %s: %s", meta.getNamespace(), meta.getName(), type, reason, message);
        } catch (RuntimeException e) {
            LOG.warnf(
                    "could not record Event %s for %s/%s: %s",
                    reason, meta.getNamespace(), meta.getName(), e.getMessage());
        }
    }

    private static String truncate(String message) {
        return message.length() <= 1000 ? message : message.substring(0, 997) + "...";
    }
}
