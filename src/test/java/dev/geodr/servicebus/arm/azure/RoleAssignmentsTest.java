package dev.geodr.servicebus.arm.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.geodr.servicebus.arm.ArmException;
import dev.geodr.servicebus.arm.NamespaceRef;
import dev.geodr.servicebus.arm.RoleAssignment;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which listed assignments belong to a namespace, and which nextLink is followed. */
class RoleAssignmentsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SUB = "5f1c2e3d-0000-4000-8000-000000000003";
    private static final NamespaceRef NS = new NamespaceRef(SUB, "rg", "orders-ns");
    private static final String ROLE =
            "/subscriptions/" + SUB + "/providers/Microsoft.Authorization/roleDefinitions/";

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            nullValues = "DROPPED",
            value = {
                "the namespace itself            | /subscriptions/"
                        + SUB
                        + "/resourceGroups/rg/providers/Microsoft.ServiceBus/namespaces/orders-ns | ''",
                "other casing, trailing slash    | /SUBSCRIPTIONS/"
                        + SUB
                        + "/resourcegroups/RG/providers/microsoft.servicebus/namespaces/ORDERS-NS/ | ''",
                "a queue                         | /subscriptions/"
                        + SUB
                        + "/resourceGroups/rg/providers/Microsoft.ServiceBus/namespaces/orders-ns/Queues/Orders | queues/orders",
                "a topic subscription            | /subscriptions/"
                        + SUB
                        + "/resourceGroups/rg/providers/Microsoft.ServiceBus/namespaces/orders-ns/topics/t1/subscriptions/s | topics/t1/subscriptions/s",
                "inherited from the group        | /subscriptions/"
                        + SUB
                        + "/resourceGroups/rg | DROPPED",
                "inherited from the subscription | /subscriptions/" + SUB + " | DROPPED",
                "a namespace with a longer name  | /subscriptions/"
                        + SUB
                        + "/resourceGroups/rg/providers/Microsoft.ServiceBus/namespaces/orders-ns2 | DROPPED",
            })
    void keepsOnlyTheNamespaceAndBelow(String row, String scope, String relative) throws Exception {
        JsonNode item =
                JSON.readTree(
                        "{\"properties\":{\"scope\":\""
                                + scope
                                + "\",\"principalId\":\"AB000000-0000-0000-0000-000000000001\","
                                + "\"roleDefinitionId\":\""
                                + ROLE
                                + "69A216FC-B8FB-44D8-BC22-1F3C2CD27A39\"}}");
        Optional<RoleAssignment> kept = RoleAssignments.fromArm(NS, item);
        if (relative == null) {
            assertThat(kept).as(row).isEmpty();
        } else {
            assertThat(kept)
                    .as(row)
                    .contains(
                            new RoleAssignment(
                                    "ab000000-0000-0000-0000-000000000001",
                                    "69a216fc-b8fb-44d8-bc22-1f3c2cd27a39",
                                    relative));
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "same host and port        | https://127.0.0.1:8443/subscriptions/x/roleAssignments?$skipToken=a | true",
                "host in other case        | https://LOCALHOST:8443/next                                         | false",
                "another host              | https://evil.example:8443/next                                      | false",
                "another port              | https://127.0.0.1:9443/next                                         | false",
                "plain http                | http://127.0.0.1:8443/next                                          | false",
                "user info                 | https://me@127.0.0.1:8443/next                                      | false",
            })
    void followsOnlyLinksToTheArmEndpoint(String row, String link, boolean followed)
            throws Exception {
        JsonNode page = JSON.readTree("{\"value\":[],\"nextLink\":\"" + link + "\"}");
        if (followed) {
            assertThat(RoleAssignments.nextLink(page, "https://127.0.0.1:8443"))
                    .as(row)
                    .isEqualTo(link);
        } else {
            assertThatThrownBy(() -> RoleAssignments.nextLink(page, "https://127.0.0.1:8443"))
                    .as(row)
                    .isInstanceOf(ArmException.class)
                    .hasMessageStartingWith(
                            "Request not sent: the role assignment list's nextLink");
        }
    }

    @ParameterizedTest
    @CsvSource({"'{\"value\":[]}'", "'{\"value\":[],\"nextLink\":null}'", "'{\"nextLink\":\"\"}'"})
    void noNextLinkEndsTheList(String body) throws Exception {
        assertThat(RoleAssignments.nextLink(JSON.readTree(body), "https://127.0.0.1:8443"))
                .isNull();
    }
}
