package dev.geodr.servicebus.operator;

import dev.geodr.servicebus.core.WriteAuthority;
import io.fabric8.kubernetes.api.model.HasMetadata;
import org.jboss.logging.Logger;

/**
 * The one place where a write could leave an observer: an observer's plan never holds one, and this
 * refuses it too rather than trust that.
 */
final class ObserverGuard {

    private static final Logger LOG = Logger.getLogger(ObserverGuard.class);

    private ObserverGuard() {}

    /** True, and logged as an error, when {@code who} may not write and {@code action} would. */
    static boolean refuses(
            WriteAuthority who, HasMetadata resource, boolean writes, Object action) {
        if (who.mayWrite() || !writes) {
            return false;
        }
        LOG.errorf(
                "%s/%s: refused %s: %s observes",
                resource.getMetadata().getNamespace(),
                resource.getMetadata().getName(),
                action.getClass().getSimpleName(),
                who.thisClusterLabel());
        return true;
    }
}
