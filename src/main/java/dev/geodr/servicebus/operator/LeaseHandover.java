package dev.geodr.servicebus.operator;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.ZonedDateTime;
import org.jboss.logging.Logger;

/**
 * Hands the leader Lease over when a leading replica shuts down. JOSDK 5.3.2 builds its fabric8
 * elector with release-on-cancel off, so without this the Lease keeps a stopped holder and the next
 * replica waits a whole lease duration (15 s) during which nobody reconciles.
 *
 * <p>Releasing is what client-go does: the holder is cleared and the duration shortened to 1 s, so
 * any candidate may take it at its next retry. Only a Lease this replica still holds is touched,
 * and the update carries the Lease's resourceVersion, so it can never take the Lease away from a
 * replica that already acquired it.
 */
public final class LeaseHandover {

    private static final Logger LOG = Logger.getLogger(LeaseHandover.class);

    private LeaseHandover() {}

    /** Returns whether the Lease was released. */
    public static boolean release(
            KubernetesClient client, String namespace, String leaseName, String identity) {
        try {
            Lease lease = client.leases().inNamespace(namespace).withName(leaseName).get();
            if (lease == null
                    || lease.getSpec() == null
                    || !identity.equals(lease.getSpec().getHolderIdentity())) {
                LOG.infof(
                        "not releasing lease %s/%s: %s holds it",
                        namespace, leaseName, holder(lease));
                return false;
            }
            ZonedDateTime now = ZonedDateTime.now();
            lease.getSpec().setHolderIdentity(null);
            lease.getSpec().setLeaseDurationSeconds(1);
            lease.getSpec().setRenewTime(now);
            client.resource(lease).update();
            LOG.infof("released the leader lease %s/%s for the next replica", namespace, leaseName);
            return true;
        } catch (KubernetesClientException e) {
            // A conflict means another replica changed it first; anything else leaves the Lease to
            // expire as before. Neither may delay the shutdown.
            LOG.warnf(
                    "could not release lease %s/%s (HTTP %d); it expires by itself",
                    namespace, leaseName, e.getCode());
            return false;
        }
    }

    private static String holder(Lease lease) {
        if (lease == null) {
            return "nobody (no Lease)";
        }
        String holder = lease.getSpec() == null ? null : lease.getSpec().getHolderIdentity();
        return holder == null || holder.isEmpty() ? "nobody" : holder;
    }
}
