package dev.geodr.servicebus.operator;

/**
 * The Kubernetes effects every kind's pass needs, behind one narrow seam so a pass can run against
 * an in-memory cluster in tests without mocking JOSDK or fabric8.
 *
 * @param <R> the custom resource
 * @param <S> its status
 */
interface ResourceSide<R, S> {

    /** Best effort: an Event that cannot be written never fails a pass. */
    void event(R resource, boolean warning, String reason, String message);

    /**
     * The write-ahead status (a failover or promotion intent), optimistically locked; throws when
     * the pass is stale.
     *
     * @return the resource as the API server now holds it, the base for any later write in the same
     *     pass
     */
    R writeStatusNow(R resource, S status);

    /** Which identity the resource's ARM calls use, or the spec problem that prevents any. */
    CredentialResolver.Result credentials(R resource);
}
