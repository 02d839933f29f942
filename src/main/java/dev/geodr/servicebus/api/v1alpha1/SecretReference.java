package dev.geodr.servicebus.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import java.util.Objects;

/** A Secret in the custom resource's own namespace. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class SecretReference {

    @Required
    @Pattern(FieldPatterns.SECRET_NAME)
    @Size(min = 1, max = FieldPatterns.SECRET_NAME_MAX_LENGTH)
    @JsonPropertyDescription(
            "Name of the Secret, in the same Kubernetes namespace as this resource.")
    private String name;

    public SecretReference() {}

    public SecretReference(String name) {
        this.name = name;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SecretReference other && Objects.equals(name, other.name);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(name);
    }

    @Override
    public String toString() {
        return "SecretReference{name=" + name + "}";
    }
}
