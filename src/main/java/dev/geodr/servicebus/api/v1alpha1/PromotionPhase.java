package dev.geodr.servicebus.api.v1alpha1;

/** Where the promotion request in flight stands; spelled as in the CRD. */
public enum PromotionPhase {
    Waiting,
    Intended,
    Accepted
}
