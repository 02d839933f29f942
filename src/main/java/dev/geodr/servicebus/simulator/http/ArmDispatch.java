package dev.geodr.servicebus.simulator.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.geodr.servicebus.simulator.state.AliasReads;
import dev.geodr.servicebus.simulator.state.AliasStateMachine;
import dev.geodr.servicebus.simulator.state.ArmResult;
import dev.geodr.servicebus.simulator.state.GeoReplication;
import java.util.function.UnaryOperator;

/**
 * Which state-machine call answers a routed ARM request: the Geo-DR alias machine, its side reads,
 * or Geo-Replication. Everything before it (auth, throttling, api-version, faults) is {@link
 * ArmHandler}'s.
 */
final class ArmDispatch {

    private final AliasStateMachine machine;
    private final AliasReads reads;
    private final GeoReplication geo;

    ArmDispatch(AliasStateMachine machine, AliasReads reads, GeoReplication geo) {
        this.machine = machine;
        this.reads = reads;
        this.geo = geo;
    }

    ArmResult call(
            ArmRoute route,
            String method,
            String apiVersion,
            JsonNode body,
            UnaryOperator<String> query) {
        var ns = route.namespace();
        return switch (route.kind()) {
            case NAMESPACE ->
                    switch (method) {
                        case "PUT" -> geo.namespaces().put(ns, body, apiVersion);
                        case "PATCH" -> geo.namespaces().patch(ns, body, apiVersion);
                        default -> geo.namespaces().get(ns, apiVersion);
                    };
            case NAMESPACE_FAILOVER -> geo.promotions().failover(ns, body, apiVersion);
            case METRICS -> geo.metrics().get(ns, query);
            case OPERATION_STATUS ->
                    geo.operations().status(route.subscriptionId(), route.operationId());
            case OPERATION_RESULT ->
                    geo.operations().result(route.subscriptionId(), route.operationId());
            case NETWORK_RULE_SET -> reads.networkRuleSet(ns);
            case ROLE_ASSIGNMENTS -> reads.roleAssignments(ns, query.apply("$filter"));
            case QUEUES -> reads.listQueues(ns);
            case TOPICS -> reads.listTopics(ns);
            case DR_LIST -> machine.list(ns);
            case CHECK_NAME -> reads.checkName(ns, body);
            case DR ->
                    switch (method) {
                        case "PUT" -> machine.put(ns, route.alias(), body);
                        case "DELETE" -> machine.delete(ns, route.alias());
                        default -> machine.get(ns, route.alias());
                    };
            case BREAK -> machine.breakPairing(ns, route.alias());
            case FAILOVER -> machine.failover(ns, route.alias(), body);
            case RULES -> reads.listRules(ns, route.alias(), route.ruleSegment());
            case RULE -> reads.getRule(ns, route.alias(), route.ruleSegment(), route.rule());
            case LIST_KEYS -> reads.listKeys(ns, route.alias(), route.rule());
            default -> throw new IllegalStateException("unroutable kind " + route.kind());
        };
    }
}
