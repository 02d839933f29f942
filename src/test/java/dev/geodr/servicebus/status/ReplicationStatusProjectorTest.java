package dev.geodr.servicebus.status;

import static org.assertj.core.api.Assertions.assertThat;

import dev.geodr.servicebus.api.v1alpha1.ServiceBusGeoReplicationStatus;
import dev.geodr.servicebus.arm.GeoReplication;
import dev.geodr.servicebus.arm.Replica;
import dev.geodr.servicebus.arm.ReplicaRole;
import dev.geodr.servicebus.core.Verdict;
import dev.geodr.servicebus.core.WriteAuthority;
import dev.geodr.servicebus.georeplication.LagView;
import dev.geodr.servicebus.georeplication.NamespaceView;
import dev.geodr.servicebus.georeplication.PromotionLedger;
import dev.geodr.servicebus.georeplication.Readiness;
import dev.geodr.servicebus.georeplication.ReplicationObserved;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReplicationStatusProjectorTest {

    private static final Instant T0 = Instant.parse("2030-01-01T10:00:00Z");
    private static final Verdict READY = Verdict.ready("Replicating", "primary westeurope");
    private static final Readiness PROMOTABLE = new Readiness(true, "Ready", "would start now");

    private static NamespaceView.Present replicated(String primary, String secondary) {
        List<Replica> replicas =
                secondary == null
                        ? List.of(new Replica(primary, ReplicaRole.Primary, Optional.empty()))
                        : List.of(
                                new Replica(
                                        secondary, ReplicaRole.Secondary, Optional.of("Active")),
                                new Replica(primary, ReplicaRole.Primary, Optional.empty()));
        return new NamespaceView.Present(
                "westeurope",
                "Premium",
                "Succeeded",
                Optional.of(new GeoReplication(300, replicas)),
                false,
                1,
                List.of(),
                false);
    }

    private static ServiceBusGeoReplicationStatus project(
            ServiceBusGeoReplicationStatus previous,
            Optional<ReplicationObserved> observed,
            Instant now) {
        return ReplicationStatusProjector.project(
                previous,
                new ReplicationStatusProjector.Input(
                        3,
                        observed,
                        PromotionLedger.adopted(2),
                        Optional.empty(),
                        READY,
                        PROMOTABLE,
                        now,
                        WriteAuthority.single()));
    }

    private static Optional<ReplicationObserved> seen(LagView lag) {
        return Optional.of(
                ReplicationObserved.of(replicated("westeurope", "northeurope")).withLag(lag));
    }

    @Test
    void showsArmsRolesPrimaryFirstAndTheLedger() {
        ServiceBusGeoReplicationStatus s =
                project(null, seen(new LagView.Known(Duration.ofSeconds(42), "queue-1", T0)), T0);

        assertThat(s.primaryLocation()).isEqualTo("westeurope");
        assertThat(s.secondaryLocation()).isEqualTo("northeurope");
        assertThat(s.replicas())
                .extracting("location")
                .containsExactly("westeurope", "northeurope");
        assertThat(s.replicas()).extracting("state").containsExactly(null, "Active");
        assertThat(s.replicationLag().seconds()).isEqualTo(42);
        assertThat(s.replicationLag().entity()).isEqualTo("queue-1");
        assertThat(s.promotion().lastHandledRequest()).isEqualTo(2);
        assertThat(s.observedGeneration()).isEqualTo(3);
        assertThat(s.conditions())
                .extracting("type")
                .containsExactly("Ready", "Reconciling", "Stalled", "PromotionReady");
        assertThat(s.lastSyncTime()).isEqualTo("2030-01-01T10:00:00Z");
        assertThat(s.lastObservedTime()).isEqualTo("2030-01-01T10:00:00Z");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                // row | minutes later | unchanged? | lastObservedTime moved?
                "a steady pass soon after: the same status, no patch | 2  | true  | false",
                "a steady pass after 10 minutes: lastObservedTime   | 10 | false | true",
            })
    void aSteadyNamespaceIsRewrittenRarely(
            String row, int minutes, boolean unchanged, boolean observedMoved) {
        Optional<ReplicationObserved> observed =
                seen(new LagView.Known(Duration.ofSeconds(5), "queue-1", T0));
        ServiceBusGeoReplicationStatus first = project(null, observed, T0);
        ServiceBusGeoReplicationStatus later =
                project(first, observed, T0.plus(Duration.ofMinutes(minutes)));

        assertThat(ReplicationStatusProjector.unchanged(first, later)).isEqualTo(unchanged);
        assertThat(!later.lastObservedTime().equals(first.lastObservedTime()))
                .isEqualTo(observedMoved);
        assertThat(later.lastSyncTime()).isEqualTo(first.lastSyncTime());
        assertThat(later.conditions().get(0).getLastTransitionTime())
                .isEqualTo(first.conditions().get(0).getLastTransitionTime());
    }

    @Test
    void withoutMetricsPermissionTheLagSaysWhy() {
        ServiceBusGeoReplicationStatus s =
                project(null, seen(new LagView.NotPermitted("AuthorizationFailed")), T0);

        assertThat(s.replicationLag().seconds()).isNull();
        assertThat(s.replicationLag().message())
                .contains("microsoft.insights/metrics/read")
                .contains("AuthorizationFailed");
    }

    @Test
    void aPassThatReadNothingKeepsWhatWasLastSeen() {
        ServiceBusGeoReplicationStatus before =
                project(null, seen(new LagView.Known(Duration.ofSeconds(7), "queue-2", T0)), T0);
        ServiceBusGeoReplicationStatus after =
                project(before, Optional.empty(), T0.plus(Duration.ofMinutes(20)));

        assertThat(after.primaryLocation()).isEqualTo("westeurope");
        assertThat(after.replicas()).isEqualTo(before.replicas());
        assertThat(after.replicationLag()).isEqualTo(before.replicationLag());
        assertThat(after.lastObservedTime())
                .as("not read: lastObservedTime does not move")
                .isEqualTo(before.lastObservedTime());
    }

    @Test
    void noSecondaryMeansNoLag() {
        ServiceBusGeoReplicationStatus before =
                project(null, seen(new LagView.Known(Duration.ofSeconds(7), "queue-2", T0)), T0);
        ServiceBusGeoReplicationStatus after =
                project(
                        before,
                        Optional.of(ReplicationObserved.of(replicated("westeurope", null))),
                        T0.plusSeconds(30));

        assertThat(after.secondaryLocation()).isNull();
        assertThat(after.replicationLag()).isNull();
    }
}
