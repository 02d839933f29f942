package dev.geodr.servicebus.api.v1alpha1;

/**
 * What deleting the custom resource does in Azure (each kind documents its own meaning); spelled as
 * in the CRD.
 */
public enum DeletionPolicy {
    /** Remove only the Kubernetes object; Azure stays as it is. */
    Retain,
    /**
     * Undo in Azure what the kind set up (the alias pairing, the secondary replica), then let go.
     */
    Delete
}
