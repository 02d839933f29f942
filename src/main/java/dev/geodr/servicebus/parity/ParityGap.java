package dev.geodr.servicebus.parity;

/**
 * One way the partner namespace differs from the primary in a setting Geo-DR does not replicate.
 *
 * @param setting the setting as users know it, e.g. {@code disableLocalAuth}, {@code
 *     networkRuleSet.ipRules}, {@code roleAssignment}
 * @param primaryValue the primary's value, short ({@code "none"} when it has none)
 * @param partnerValue the partner's value, short ({@code "none"} when it has none)
 * @param impact one sentence: what breaks (or opens up) after a failover to the partner
 */
public record ParityGap(String setting, String primaryValue, String partnerValue, String impact) {}
