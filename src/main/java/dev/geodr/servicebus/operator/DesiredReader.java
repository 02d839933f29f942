package dev.geodr.servicebus.operator;

import dev.geodr.servicebus.api.v1alpha1.DeletionPolicy;
import dev.geodr.servicebus.api.v1alpha1.FieldPatterns;
import dev.geodr.servicebus.api.v1alpha1.ServiceBusGeoPairing;
import dev.geodr.servicebus.api.v1alpha1.ServiceBusGeoPairingSpec;
import dev.geodr.servicebus.arm.FailoverMode;
import dev.geodr.servicebus.arm.NamespaceRef;
import dev.geodr.servicebus.pairing.Desired;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Turns the spec into the planner's {@link Desired}. Admission normally refuses bad values; this
 * repeats the checks so a spec that reached us anyway (an API server without our CRD schema, an old
 * object) is reported with the same field-naming message and never reaches Azure.
 */
final class DesiredReader {

    private static final Pattern ALIAS = Pattern.compile(FieldPatterns.ALIAS);
    private static final Pattern CLUSTER = Pattern.compile(FieldPatterns.CLUSTER_NAME);

    /** The rule of {@code spec.writerCluster}, in the words of {@code geodr.cluster-name}'s. */
    static final String CLUSTER_RULE =
            "must be a lowercase DNS label: 1-63 letters, digits or hyphens, starting and ending with a letter or digit";

    /**
     * @param rawFailoverRequested {@code spec.failoverRequested} as written, even when the rest of
     *     the spec is invalid: first sight must adopt it whatever else is wrong
     */
    record Result(Optional<Desired> desired, List<String> problems, long rawFailoverRequested) {}

    private DesiredReader() {}

    static Result read(ServiceBusGeoPairing resource) {
        ServiceBusGeoPairingSpec spec = resource.getSpec();
        List<String> problems = new ArrayList<>();
        if (spec == null) {
            return new Result(Optional.empty(), List.of("spec: is required"), 0);
        }
        if (spec.getAlias() == null || !ALIAS.matcher(spec.getAlias()).matches()) {
            problems.add(
                    "spec.alias: must be 1-50 letters, digits or hyphens, start with a letter and end with a "
                            + "letter or digit");
        }
        NamespaceRef primary =
                namespace("spec.primaryNamespace", spec.getPrimaryNamespace(), problems);
        NamespaceRef partner =
                namespace("spec.partnerNamespace", spec.getPartnerNamespace(), problems);
        if (primary != null && primary.sameAs(partner)) {
            problems.add("spec.partnerNamespace: must differ from spec.primaryNamespace");
        }
        if (spec.getWriterCluster() != null
                && !CLUSTER.matcher(spec.getWriterCluster()).matches()) {
            problems.add("spec.writerCluster: " + CLUSTER_RULE);
        }
        if (spec.getFailoverRequested() < 0) {
            problems.add("spec.failoverRequested: must be >= 0");
        }
        if (!problems.isEmpty()) {
            return new Result(Optional.empty(), problems, spec.getFailoverRequested());
        }
        FailoverMode mode =
                spec.getFailoverMode() == null
                        ? FailoverMode.Safe
                        : FailoverMode.valueOf(spec.getFailoverMode().name());
        boolean deleteInAzure = spec.getDeletionPolicy() == DeletionPolicy.Delete;
        Desired desired =
                new Desired(
                        spec.getAlias(),
                        primary,
                        partner,
                        Optional.ofNullable(spec.getAlternateName()).filter(s -> !s.isBlank()),
                        spec.getFailoverRequested(),
                        mode,
                        resource.isMarkedForDeletion(),
                        deleteInAzure);
        return new Result(Optional.of(desired), List.of(), spec.getFailoverRequested());
    }

    /**
     * Judged by {@link NamespaceRef#problem}, the rules of the CRD's pattern, so an object that
     * bypassed admission gets the broken segment named ({@code spec.partnerNamespace: subscription
     * "abc" is not a GUID}) instead of a 4xx from ARM.
     */
    private static NamespaceRef namespace(String field, String value, List<String> problems) {
        Optional<String> problem = NamespaceRef.problem(value);
        if (problem.isPresent()) {
            problems.add(field + ": " + problem.get());
            return null;
        }
        return NamespaceRef.parse(value);
    }
}
