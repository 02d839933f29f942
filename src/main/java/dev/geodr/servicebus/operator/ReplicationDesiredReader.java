package dev.geodr.servicebus.operator;

import dev.geodr.servicebus.api.v1alpha1.DeletionPolicy;
import dev.geodr.servicebus.api.v1alpha1.FieldPatterns;
import dev.geodr.servicebus.api.v1alpha1.ServiceBusGeoReplication;
import dev.geodr.servicebus.api.v1alpha1.ServiceBusGeoReplicationSpec;
import dev.geodr.servicebus.arm.Locations;
import dev.geodr.servicebus.arm.NamespaceRef;
import dev.geodr.servicebus.georeplication.PromotionMode;
import dev.geodr.servicebus.georeplication.ReplicationDesired;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Turns a ServiceBusGeoReplication's spec into the planner's {@link ReplicationDesired}. Admission
 * normally refuses bad values; this repeats the checks so a spec that reached us anyway (an API
 * server without our CRD schema, an old object) is reported with the same field-naming message and
 * never reaches Azure.
 */
final class ReplicationDesiredReader {

    private static final Pattern LOCATION = Pattern.compile(FieldPatterns.LOCATION);

    /**
     * @param rawPromotionRequested {@code spec.promotionRequested} as written, even when the rest
     *     of the spec is invalid: first sight must adopt it whatever else is wrong
     */
    record Result(
            Optional<ReplicationDesired> desired,
            List<String> problems,
            long rawPromotionRequested) {}

    private ReplicationDesiredReader() {}

    static Result read(ServiceBusGeoReplication resource) {
        ServiceBusGeoReplicationSpec spec = resource.getSpec();
        if (spec == null) {
            return new Result(Optional.empty(), List.of("spec: is required"), 0);
        }
        List<String> problems = new ArrayList<>();
        Optional<String> idProblem = NamespaceRef.problem(spec.getNamespace());
        idProblem.ifPresent(p -> problems.add("spec.namespace: " + p));
        location("spec.primaryLocation", spec.getPrimaryLocation(), problems);
        location("spec.secondaryLocation", spec.getSecondaryLocation(), problems);
        if (Locations.same(spec.getPrimaryLocation(), spec.getSecondaryLocation())) {
            problems.add("spec.secondaryLocation: must differ from spec.primaryLocation");
        }
        long lag = spec.getMaxReplicationLagSeconds();
        if (lag != 0 && (lag < 300 || lag > 86_400)) {
            problems.add(
                    "spec.maxReplicationLagSeconds: must be 0 (synchronous) or between 300 and"
                            + " 86400");
        }
        if (spec.getPromotionRequested() < 0) {
            problems.add("spec.promotionRequested: must be >= 0");
        }
        if (spec.getWriterCluster() != null
                && !spec.getWriterCluster().matches(FieldPatterns.CLUSTER_NAME)) {
            problems.add("spec.writerCluster: " + DesiredReader.CLUSTER_RULE);
        }
        if (!problems.isEmpty()) {
            return new Result(Optional.empty(), problems, spec.getPromotionRequested());
        }
        PromotionMode mode =
                spec.getPromotionMode() == null
                        ? PromotionMode.Planned
                        : PromotionMode.valueOf(spec.getPromotionMode().name());
        ReplicationDesired desired =
                new ReplicationDesired(
                        NamespaceRef.parse(spec.getNamespace()),
                        spec.getPrimaryLocation(),
                        spec.getSecondaryLocation(),
                        lag,
                        spec.getPromotionRequested(),
                        mode,
                        resource.isMarkedForDeletion(),
                        spec.getDeletionPolicy() == DeletionPolicy.Delete);
        return new Result(Optional.of(desired), List.of(), spec.getPromotionRequested());
    }

    private static void location(String field, String value, List<String> problems) {
        if (value == null || value.length() < 2 || !LOCATION.matcher(value).matches()) {
            problems.add(
                    field
                            + ": must be an Azure region such as westeurope or \"West Europe\""
                            + " (letters, digits and single spaces, starting with a letter)");
        }
    }
}
