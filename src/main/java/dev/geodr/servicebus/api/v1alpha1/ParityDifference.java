package dev.geodr.servicebus.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** One setting Geo-DR does not replicate in which the partner differs from the primary. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ParityDifference(
        @JsonPropertyDescription(
                        "The setting as ARM names it: publicNetworkAccess, disableLocalAuth,"
                                + " minimumTlsVersion, networkRuleSet.defaultAction,"
                                + " networkRuleSet.ipRules, networkRuleSet.virtualNetworkRules,"
                                + " networkRuleSet.trustedServiceAccessEnabled,"
                                + " privateEndpointConnections, identity.type,"
                                + " encryption.keySource, or roleAssignment (Microsoft.Authorization"
                                + " role assignments at the namespace or an entity scope).")
                String setting,
        @JsonPropertyDescription("The primary namespace's value (\"none\" when it has none).")
                String primary,
        @JsonPropertyDescription("The partner namespace's value (\"none\" when it has none).")
                String partner,
        @JsonPropertyDescription("What breaks, or opens up, after a failover to the partner.")
                String impact) {}
