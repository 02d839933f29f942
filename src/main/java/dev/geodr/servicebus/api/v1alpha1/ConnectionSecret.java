package dev.geodr.servicebus.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import java.util.Objects;

/** Where the operator writes the alias connection strings. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ConnectionSecret {

    /** The authorization rule Azure creates on every namespace. */
    public static final String DEFAULT_AUTHORIZATION_RULE = "RootManageSharedAccessKey";

    @Required
    @Pattern(FieldPatterns.SECRET_NAME)
    @Size(min = 1, max = FieldPatterns.SECRET_NAME_MAX_LENGTH)
    @JsonPropertyDescription(
            "Name of the Secret the operator creates and keeps up to date in this ServiceBusGeoPairing's "
                    + "Kubernetes namespace. It is owned by the ServiceBusGeoPairing (garbage-collected with it) and holds the keys "
                    + "aliasPrimaryConnectionString, aliasSecondaryConnectionString, primaryKey, secondaryKey and keyName, read with "
                    + "listKeys on the alias. Keys never appear in logs, events, status or metrics.")
    private String name;

    @Default(DEFAULT_AUTHORIZATION_RULE)
    @Pattern(FieldPatterns.AUTHORIZATION_RULE)
    @Size(min = 1, max = FieldPatterns.AUTHORIZATION_RULE_MAX_LENGTH)
    @JsonPropertyDescription(
            "Name of the namespace-level shared access authorization rule whose keys are read through the "
                    + "alias (listKeys on disasterRecoveryConfigs/{alias}/authorizationRules/{rule}). Defaults to "
                    + "RootManageSharedAccessKey, the rule Azure creates on every namespace.")
    private String authorizationRule = DEFAULT_AUTHORIZATION_RULE;

    public ConnectionSecret() {}

    public ConnectionSecret(String name, String authorizationRule) {
        this.name = name;
        this.authorizationRule = authorizationRule;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getAuthorizationRule() {
        return authorizationRule;
    }

    public void setAuthorizationRule(String authorizationRule) {
        this.authorizationRule = authorizationRule;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConnectionSecret other
                && Objects.equals(name, other.name)
                && Objects.equals(authorizationRule, other.authorizationRule);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, authorizationRule);
    }

    @Override
    public String toString() {
        return "ConnectionSecret{name=" + name + ", authorizationRule=" + authorizationRule + "}";
    }
}
