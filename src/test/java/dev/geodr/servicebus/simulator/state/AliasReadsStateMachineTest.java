package dev.geodr.servicebus.simulator.state;

import static dev.geodr.servicebus.simulator.state.SimFixture.ALIAS;
import static dev.geodr.servicebus.simulator.state.SimFixture.RG;
import static dev.geodr.servicebus.simulator.state.SimFixture.SUB;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.geodr.servicebus.simulator.render.Json;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The CheckNameAvailability rows and the alias authorization-rule / listKeys rules of §9.4 and
 * §2.8.
 */
class AliasReadsStateMachineTest {

    private static JsonNode nameBody(String name) {
        ObjectNode body = Json.object();
        body.put("name", name);
        return body;
    }

    static Stream<Arguments> checkNameRows() {
        UnaryOperator<SimFixture> none = f -> f;
        UnaryOperator<SimFixture> tombstoned =
                f -> {
                    f.deleting();
                    f.advance(10);
                    return f;
                };
        return Stream.of(
                Arguments.of(
                        "invalid: starts with a digit", none, "9lives", false, "InvalidName", true),
                Arguments.of(
                        "invalid: 51 characters", none, "a".repeat(51), false, "InvalidName", true),
                Arguments.of("invalid: underscore", none, "bad_name", false, "InvalidName", true),
                Arguments.of(
                        "in use: alias of a pairing (other casing)",
                        (UnaryOperator<SimFixture>) SimFixture::pairing,
                        ALIAS.toUpperCase(),
                        false,
                        "NameInUse",
                        false),
                Arguments.of(
                        "in use: alias being deleted",
                        (UnaryOperator<SimFixture>) SimFixture::deleting,
                        ALIAS,
                        false,
                        "NameInUse",
                        false),
                Arguments.of(
                        "in use: tombstone after delete",
                        tombstoned,
                        ALIAS,
                        false,
                        "NameInUse",
                        false),
                Arguments.of(
                        "in use: a namespace name", none, "ns-spare-c", false, "NameInUse", false),
                Arguments.of("free", none, "fresh-alias", true, "None", false),
                Arguments.of(
                        "free again after the name release delay",
                        (UnaryOperator<SimFixture>)
                                f -> {
                                    SimFixture deleted = tombstoned.apply(f);
                                    deleted.advance(60);
                                    return deleted;
                                },
                        ALIAS,
                        true,
                        "None",
                        false));
    }

    @ParameterizedTest(name = "CheckNameAvailability: {0}")
    @MethodSource("checkNameRows")
    void checkName(
            String name,
            UnaryOperator<SimFixture> given,
            String alias,
            boolean available,
            String reason,
            boolean hasMessage) {
        SimFixture f = given.apply(new SimFixture());
        ArmResult r = f.reads.checkName(f.a, nameBody(alias));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body().get("nameAvailable").booleanValue()).isEqualTo(available);
        assertThat(r.body().get("reason").textValue()).isEqualTo(reason);
        assertThat(r.body().has("message")).as("message key present").isEqualTo(hasMessage);
    }

    @Test
    void checkNameOnMissingNamespaceOrWithoutNameIsRefused() {
        SimFixture f = new SimFixture();
        assertThat(f.reads.checkName(new NsPath(SUB, RG, "ns-nope-x"), nameBody("x")).code())
                .isEqualTo("ResourceNotFound");
        assertThat(f.reads.checkName(f.a, Json.object()).status()).isEqualTo(400);
        assertThat(f.reads.checkName(f.a, null).status()).isEqualTo(400);
    }

    @Test
    void authRulesAreTheNamespaceRulesUnderTheAliasWithTypeAndDisplayLocation() {
        SimFixture f = new SimFixture();
        f.addRule(f.a, "send-only", List.of("Send")).paired();
        JsonNode list = f.reads.listRules(f.a, ALIAS, "authorizationRules").body();
        assertThat(list.get("value")).hasSize(2);
        JsonNode root = list.get("value").get(0);
        assertThat(root.get("name").textValue()).isEqualTo("RootManageSharedAccessKey");
        assertThat(root.get("type").textValue())
                .isEqualTo("Microsoft.ServiceBus/Namespaces/AuthorizationRules");
        assertThat(root.get("location").textValue()).isEqualTo("South Central US");
        assertThat(root.get("properties").get("rights").toString())
                .isEqualTo("[\"Listen\",\"Manage\",\"Send\"]");
        assertThat(root.get("id").textValue())
                .isEqualTo(
                        SimFixture.id(f.a)
                                + "/disasterRecoveryConfigs/"
                                + ALIAS
                                + "/authorizationRules/RootManageSharedAccessKey");
        JsonNode one = f.reads.getRule(f.a, ALIAS, "AuthorizationRules", "SEND-ONLY").body();
        assertThat(one.get("name").textValue()).isEqualTo("send-only");
        assertThat(one.get("id").textValue())
                .as("the rule segment echoes the request casing")
                .endsWith("/" + ALIAS + "/AuthorizationRules/send-only");
        assertThat(one.has("location")).isTrue();
    }

    @Test
    void unknownRuleIs404AndNoRecordIs404() {
        SimFixture f = new SimFixture().paired();
        ArmResult unknown = f.reads.getRule(f.a, ALIAS, "authorizationRules", "nope");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.code()).isEqualTo("NotFound");
        assertThat(f.reads.listKeys(f.a, ALIAS, "nope").status()).isEqualTo(404);
        assertThat(f.reads.listRules(f.c, ALIAS, "authorizationRules").code())
                .isEqualTo("NotFound");
        assertThat(f.reads.listKeys(f.c, ALIAS, "RootManageSharedAccessKey").code())
                .isEqualTo("NotFound");
    }

    @Test
    void listKeysGivesAliasConnectionStringsOnTheLowerCasedAliasHostOnly() {
        SimFixture f = new SimFixture();
        SimFixture.expectOk(f.put(f.a, "DRConfig-8328", f.b));
        JsonNode keys = f.reads.listKeys(f.a, "drconfig-8328", "RootManageSharedAccessKey").body();
        assertThat(keys.get("aliasPrimaryConnectionString").textValue())
                .isEqualTo(
                        "Endpoint=sb://drconfig-8328.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey="
                                + keys.get("primaryKey").textValue());
        assertThat(keys.get("aliasSecondaryConnectionString").textValue())
                .endsWith(keys.get("secondaryKey").textValue());
        assertThat(keys.get("keyName").textValue()).isEqualTo("RootManageSharedAccessKey");
        assertThat(keys.has("primaryConnectionString")).isFalse();
        assertThat(keys.has("secondaryConnectionString")).isFalse();
        assertThat(keys.get("primaryKey").textValue()).hasSize(44);
        assertThat(keys.get("primaryKey").textValue())
                .isNotEqualTo(keys.get("secondaryKey").textValue());
    }

    @Test
    void secondaryServesTheReplicatedRulesWithTheSameKeysOncePaired() {
        SimFixture f = new SimFixture();
        f.addRule(f.a, "listen-only", List.of("Listen")).paired();
        JsonNode primaryKeys = f.reads.listKeys(f.a, ALIAS, "listen-only").body();
        JsonNode secondaryKeys = f.reads.listKeys(f.b, ALIAS, "listen-only").body();
        assertThat(secondaryKeys.get("primaryKey")).isEqualTo(primaryKeys.get("primaryKey"));
        assertThat(
                        f.reads
                                .listRules(f.b, ALIAS, "authorizationRules")
                                .body()
                                .get("value")
                                .get(0)
                                .get("location")
                                .textValue())
                .isEqualTo("North Central US");
    }

    @Test
    void rulesAndKeysStayReadableInEveryRecordStateWithARecord() {
        SimFixture f = new SimFixture().deleting();
        assertThat(f.reads.listKeys(f.a, ALIAS, "RootManageSharedAccessKey").status())
                .isEqualTo(200);
        assertThat(f.reads.listRules(f.a, ALIAS, "authorizationRules").status()).isEqualTo(200);
    }
}
