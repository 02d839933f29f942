package dev.geodr.servicebus.arm.azure;

import java.time.Duration;

/**
 * One HTTP request the adapter made, or refused to make, to ARM. Carries no body, header or key.
 *
 * @param operation what the port was doing: getAlias, createOrUpdatePairing, breakPairing,
 *     failover, deleteAlias, listKeys, listAliases, getNamespace, listQueues, listTopics; for
 *     Geo-Replication getGeoNamespace, setReplicas, promote, getOperationStatus, getReplicationLag
 * @param subscriptionId the subscription the request targets
 * @param httpStatus ARM's status, or 0 when no response arrived (refused by the client-side
 *     limiter, connection failure, timeout)
 * @param duration from just before sending to the response headers (zero when not sent)
 * @param sent false when the client-side rate limiter refused the request, so ARM never saw it
 */
public record ArmCall(
        String operation, String subscriptionId, int httpStatus, Duration duration, boolean sent) {}
