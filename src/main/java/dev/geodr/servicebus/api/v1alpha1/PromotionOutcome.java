package dev.geodr.servicebus.api.v1alpha1;

/** How a promotion request ended; spelled as in the CRD. */
public enum PromotionOutcome {
    Succeeded,
    Failed,
    Rejected
}
