package dev.geodr.servicebus.api.v1alpha1;

/** What deleting the custom resource does in Azure; spelled as in the CRD. */
public enum DeletionPolicy {
    /** Remove only the Kubernetes object; the alias and its pairing stay in Azure. */
    Retain,
    /** Break the pairing if paired, then delete the alias, then let the object go. */
    Delete
}
