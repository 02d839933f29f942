package dev.geodr.servicebus.simulator.state;

import static org.assertj.core.api.Assertions.assertThat;

import dev.geodr.servicebus.simulator.render.Json;
import java.io.IOException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** One row per {@code geoDataReplication} body: what it asks for, or why it is refused. */
class GeoRequestsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            primary only, lag kept          | {"locations":[{"locationName":"westeurope","roleType":"Primary"}]}                                                                    | westeurope null null
            display names become short      | {"locations":[{"locationName":"West Europe","roleType":"Primary"},{"locationName":"North Europe","roleType":"Secondary"}],"maxReplicationLagDurationInSeconds":0} | westeurope northeurope 0
            roles are case-insensitive      | {"locations":[{"locationName":"eastus","roleType":"primary"},{"locationName":"westus","roleType":"SECONDARY"}],"maxReplicationLagDurationInSeconds":86400} | eastus westus 86400
            lowest asynchronous lag         | {"locations":[{"locationName":"eastus","roleType":"Primary"}],"maxReplicationLagDurationInSeconds":300}                              | eastus null 300
            two secondaries                 | {"locations":[{"locationName":"eastus","roleType":"Primary"},{"locationName":"westus","roleType":"Secondary"},{"locationName":"centralus","roleType":"Secondary"}]} | exactly one secondary
            no primary                      | {"locations":[{"locationName":"westus","roleType":"Secondary"}]}                                                                      | exactly one location must have roleType Primary
            two primaries                   | {"locations":[{"locationName":"eastus","roleType":"Primary"},{"locationName":"westus","roleType":"Primary"}]}                        | exactly one location must have roleType Primary
            same region twice               | {"locations":[{"locationName":"eastus","roleType":"Primary"},{"locationName":"East US","roleType":"Secondary"}]}                     | must differ
            lag below 300                   | {"locations":[{"locationName":"eastus","roleType":"Primary"}],"maxReplicationLagDurationInSeconds":299}                              | between 300 and 86400
            lag above 86400                 | {"locations":[{"locationName":"eastus","roleType":"Primary"}],"maxReplicationLagDurationInSeconds":86401}                            | between 300 and 86400
            lag not an integer              | {"locations":[{"locationName":"eastus","roleType":"Primary"}],"maxReplicationLagDurationInSeconds":"300"}                            | must be an integer
            unknown role                    | {"locations":[{"locationName":"eastus","roleType":"Primary"},{"locationName":"westus","roleType":"Witness"}]}                        | roleType must be Primary or Secondary
            no locations                    | {"maxReplicationLagDurationInSeconds":300}                                                                                            | must list the Primary location
            location without a name         | {"locations":[{"roleType":"Primary"}]}                                                                                                | needs a locationName
            """)
    void desired(String row, String json, String expected) throws IOException {
        GeoRequests.Parsed<GeoRequests.Desired> p = GeoRequests.desired(Json.parse(json));
        if (p.error() != null) {
            assertThat(p.error().status()).isEqualTo(400);
            assertThat(p.error().code()).isEqualTo("BadRequest");
            assertThat(p.error().message()).startsWith(ErrorTemplates.SIM).contains(expected);
            return;
        }
        GeoRequests.Desired d = p.value();
        assertThat(d.primary() + " " + d.secondary() + " " + d.maxLag()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            forced                 | {"properties":{"primaryLocation":"North Europe","force":true}} | northeurope true
            planned, force omitted | {"properties":{"primaryLocation":"northeurope"}}              | northeurope false
            no properties          | {"primaryLocation":"northeurope"}                              | the body must be
            no primaryLocation     | {"properties":{"force":true}}                                  | primaryLocation is required
            force not a boolean    | {"properties":{"primaryLocation":"northeurope","force":"yes"}} | force must be true or false
            """)
    void failover(String row, String json, String expected) throws IOException {
        GeoRequests.Parsed<GeoRequests.Failover> p = GeoRequests.failover(Json.parse(json));
        if (p.error() != null) {
            assertThat(p.error().message()).contains(expected);
            return;
        }
        assertThat(p.value().primaryLocation() + " " + p.value().force()).isEqualTo(expected);
    }
}
