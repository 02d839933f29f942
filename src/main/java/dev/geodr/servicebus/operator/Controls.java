package dev.geodr.servicebus.operator;

import dev.geodr.servicebus.core.Requeue;
import dev.geodr.servicebus.status.Kstatus;
import io.fabric8.kubernetes.client.CustomResource;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import java.util.function.Supplier;

/**
 * What every kind's reconciler answers JOSDK after a pass: patch the status only when it changed
 * (and the pass did not write it already), reschedule, and during deletion keep users informed
 * while the finalizer waits on Azure.
 */
final class Controls {

    private Controls() {}

    /**
     * @param written the pass already wrote {@code status} itself
     */
    static <S, R extends CustomResource<?, S>> UpdateControl<R> afterPass(
            R resource, S status, boolean written, Requeue requeue, Supplier<R> blank) {
        UpdateControl<R> control =
                written || Kstatus.unchanged(resource.getStatus(), status)
                        ? UpdateControl.noUpdate()
                        : UpdateControl.patchStatus(StatusWriter.fresh(resource, status, blank));
        return control.rescheduleAfter(RequeueDelay.of(requeue));
    }

    /** The finalizer stays; a Cleaner cannot return a status patch, so it is written here. */
    static <S, R extends CustomResource<?, S>> DeleteControl stillDeleting(
            Context<R> context,
            R resource,
            S status,
            boolean written,
            Requeue requeue,
            Supplier<R> blank) {
        if (!written && !Kstatus.unchanged(resource.getStatus(), status)) {
            try {
                StatusWriter.writeNow(context, resource, status, blank);
            } catch (RuntimeException ignored) {
                // A concurrent change is fine here: the next pass recomputes the same status.
            }
        }
        return DeleteControl.noFinalizerRemoval().rescheduleAfter(RequeueDelay.of(requeue));
    }
}
