package dev.geodr.servicebus.operator;

import java.time.Duration;
import java.util.Optional;

/**
 * The operator settings a pairing pass reads besides the planner's.
 *
 * @param keyRefresh how often the connection Secret's keys are re-read
 * @param parityInterval how often both namespaces' unreplicated settings are compared
 * @param thisCluster the cluster this operator runs in ({@code geodr.cluster-name})
 */
record PassSettings(Duration keyRefresh, Duration parityInterval, Optional<String> thisCluster) {

    static PassSettings of(OperatorSettings settings) {
        return new PassSettings(
                settings.keyRefresh(),
                settings.parity().interval(),
                settings.clusterName().filter(n -> !n.isBlank()));
    }
}
