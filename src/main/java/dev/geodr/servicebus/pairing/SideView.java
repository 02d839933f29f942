package dev.geodr.servicebus.pairing;

import dev.geodr.servicebus.arm.AliasRecord;
import dev.geodr.servicebus.arm.AliasRole;
import dev.geodr.servicebus.arm.NamespaceRef;
import dev.geodr.servicebus.arm.ProvisioningState;

/** What one namespace showed for the alias in this pass. */
public sealed interface SideView {

    /** ARM returned the alias record. */
    record Present(AliasRecord record) implements SideView {}

    /** ARM answered 404 NotFound for the alias: the namespace holds no record of it. */
    record Absent() implements SideView {}

    /** ARM answered 404 ResourceNotFound for the namespace itself. */
    record NamespaceMissing() implements SideView {}

    /** No answer (regional outage, 5xx, timeout). The message is already free of request ids. */
    record Unreachable(String message) implements SideView {}

    static SideView of(AliasRecord record) {
        return new Present(record);
    }

    static SideView absent() {
        return new Absent();
    }

    default boolean reachable() {
        return !(this instanceof Unreachable);
    }

    default boolean isAbsent() {
        return this instanceof Absent;
    }

    /** True when the record is present with this role and provisioning state. */
    default boolean is(AliasRole role, ProvisioningState state) {
        return this instanceof Present p
                && p.record().role() == role
                && p.record().provisioningState() == state;
    }

    default boolean hasRole(AliasRole role) {
        return this instanceof Present p && p.record().role() == role;
    }

    default boolean partnerIs(NamespaceRef expected) {
        return this instanceof Present p
                && p.record().partnerNamespace().map(expected::sameAs).orElse(false);
    }

    /**
     * A short, deterministic description for status messages: "Primary/Succeeded", "no alias
     * record"...
     */
    default String describe() {
        if (this instanceof Present p) {
            return p.record().role() + "/" + p.record().provisioningState();
        }
        if (this instanceof Absent) {
            return "no alias record";
        }
        if (this instanceof NamespaceMissing) {
            return "namespace not found";
        }
        return "unreachable";
    }
}
