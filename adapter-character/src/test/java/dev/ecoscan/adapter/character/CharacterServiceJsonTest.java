package dev.ecoscan.adapter.character;

import static dev.ecoscan.adapter.character.RemoteFixtures.CATALOGUE;
import static dev.ecoscan.adapter.character.RemoteFixtures.PAPER_PACK;
import static dev.ecoscan.adapter.character.RemoteFixtures.USER;
import static dev.ecoscan.adapter.character.RemoteFixtures.classification;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecoscan.adapter.character.CharacterServiceJson.MalformedBodyException;
import dev.ecoscan.domain.port.RewardGrant;
import dev.ecoscan.domain.reward.Character;
import dev.ecoscan.domain.reward.OwnedCharacter;
import dev.ecoscan.domain.reward.RewardOutcome;
import dev.ecoscan.domain.scan.ScanId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CharacterServiceJsonTest {

    private static final Character MASCOT = CATALOGUE.defaultCharacter();

    @Test
    void a_reward_request_is_written_as_the_contract_says() {
        RewardGrant grant =
                new RewardGrant(ScanId.random(), USER, classification("재활용폐기물", "종이팩", "우유팩"), Instant.now());

        String json = CharacterServiceJson.writeRewardRequest(CharacterServiceRequest.of(grant));

        assertThat(json)
                .isEqualTo("{\"user_id\":\"" + USER.value() + "\",\"classification\":"
                        + "{\"major_category\":\"재활용폐기물\",\"middle_category\":\"종이팩\",\"minor_category\":\"우유팩\"},"
                        + "\"disposal_rules_present\":true,\"insufficiencies_present\":false}");
    }

    @Test
    void an_item_without_a_middle_category_is_written_with_an_empty_middle() {
        CharacterServiceRequest fields = new CharacterServiceRequest(USER, "음식물류폐기물", "", "과일 껍질", true, false);

        assertThat(CharacterServiceJson.writeRewardRequest(fields)).contains("\"middle_category\":\"\"");
    }

    @Test
    void a_reward_request_survives_a_round_trip() {
        CharacterServiceRequest request = new CharacterServiceRequest(USER, "재활용폐기물", "무색페트병", "음료PET병", true, true);

        assertThat(CharacterServiceJson.readRewardRequest(CharacterServiceJson.writeRewardRequest(request)))
                .isEqualTo(request);
    }

    @Test
    void a_reward_request_without_a_middle_reads_as_an_empty_middle() {
        String json = """
                {"user_id": "u-1", "classification": {"major_category": "음식물류폐기물", "minor_category": "과일 껍질"},
                 "disposal_rules_present": true, "insufficiencies_present": false, "extra": 1}""";

        assertThat(CharacterServiceJson.readRewardRequest(json).middleCategory())
                .isEmpty();
    }

    @Test
    void every_reward_survives_a_round_trip() {
        List<RewardOutcome> outcomes = List.of(
                new RewardOutcome.Granted(PAPER_PACK, "종이팩"),
                new RewardOutcome.AlreadyOwned(MASCOT, "기본"),
                new RewardOutcome.NotEligible("아직 라벨이 남아 있어요"));

        for (RewardOutcome outcome : outcomes) {
            assertThat(CharacterServiceJson.readReward(CharacterServiceJson.writeReward(outcome), CATALOGUE))
                    .isEqualTo(outcome);
        }
    }

    @Test
    void a_granted_reward_is_written_as_the_reference_reward_object() {
        String json = CharacterServiceJson.writeReward(new RewardOutcome.Granted(PAPER_PACK, "종이팩"));

        assertThat(json)
                .isEqualTo("{\"received\":true,\"already_owned\":false,\"name\":\"" + PAPER_PACK.name()
                        + "\",\"dialog\":\"" + PAPER_PACK.dialog() + "\",\"match_reason\":\"종이팩\",\"character_type\":\""
                        + PAPER_PACK.type() + "\"}");
    }

    @Test
    void a_declined_reward_is_written_without_a_character() {
        String json = CharacterServiceJson.writeReward(new RewardOutcome.NotEligible("아직 라벨이 남아 있어요"));

        assertThat(json)
                .isEqualTo("{\"received\":false,\"already_owned\":false,\"name\":null,\"dialog\":null,"
                        + "\"match_reason\":\"아직 라벨이 남아 있어요\",\"character_type\":null}");
    }

    @Test
    void an_unavailable_reward_has_no_body() {
        assertThatThrownBy(() -> CharacterServiceJson.writeReward(new RewardOutcome.Unavailable("down")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("503");
    }

    @Test
    void a_collection_survives_a_round_trip_in_order() {
        List<OwnedCharacter> owned = List.of(
                new OwnedCharacter(MASCOT, Instant.parse("2026-11-26T10:00:00Z")),
                new OwnedCharacter(PAPER_PACK, Instant.parse("2026-11-27T08:30:00.123456Z")));

        String json = CharacterServiceJson.writeOwned(owned);

        assertThat(json)
                .startsWith("[{\"name\":\"" + MASCOT.name() + "\",\"character_type\":\"" + MASCOT.type()
                        + "\",\"dialog\":\"" + MASCOT.dialog() + "\",\"received_at\":\"2026-11-26T10:00:00Z\"}");
        assertThat(CharacterServiceJson.readOwned(json, CATALOGUE)).isEqualTo(owned);
    }

    @Test
    void an_unknown_character_gets_a_stable_remote_slug() {
        String json = """
                {"received": true, "already_owned": false, "name": "새싹이", "dialog": "새로 왔어요!",
                 "match_reason": "종이팩", "character_type": "한정판"}""";

        RewardOutcome first = CharacterServiceJson.readReward(json, CATALOGUE);
        RewardOutcome second = CharacterServiceJson.readReward(json, CATALOGUE);

        assertThat(first).isEqualTo(second);
        assertThat(((RewardOutcome.Granted) first).character())
                .isEqualTo(new Character(
                        CharacterServiceJson.remoteId("새싹이", "한정판"), "새싹이", "한정판", "새로 왔어요!", Optional.empty()));
        assertThat(CharacterServiceJson.remoteId("새싹이", "한정판")).matches("remote-[0-9a-f]{12}");
    }

    @Test
    void a_known_name_with_another_type_is_not_the_catalogue_character() {
        String json = """
                {"received": true, "already_owned": false, "name": "%s", "dialog": "다른 팩팩이예요",
                 "match_reason": "종이팩", "character_type": "다른 종류"}""".formatted(PAPER_PACK.name());

        RewardOutcome outcome = CharacterServiceJson.readReward(json, CATALOGUE);

        assertThat(((RewardOutcome.Granted) outcome).character().id()).startsWith("remote-");
    }

    @Test
    void a_catalogue_character_needs_no_dialog_on_the_wire() {
        String json = """
                {"received": false, "already_owned": true, "name": "%s", "dialog": null,
                 "match_reason": "종이팩", "character_type": "%s"}""".formatted(PAPER_PACK.name(), PAPER_PACK.type());

        assertThat(CharacterServiceJson.readReward(json, CATALOGUE))
                .isEqualTo(new RewardOutcome.AlreadyOwned(PAPER_PACK, "종이팩"));
    }

    @Test
    void a_decline_without_a_reason_gets_a_generic_one() {
        String json = """
                {"received": false, "already_owned": false, "name": null, "dialog": null, "match_reason": "",
                 "character_type": null}""";

        assertThat(CharacterServiceJson.readReward(json, CATALOGUE))
                .isEqualTo(new RewardOutcome.NotEligible("the character service did not grant a character"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "not json",
                "[]",
                "{\"received\": true}",
                "{\"received\": \"true\", \"already_owned\": false, \"match_reason\": \"x\"}",
                "{\"received\": true, \"already_owned\": true, \"name\": \"팩팩이\", \"match_reason\": \"x\", \"character_type\": \"종이팩\"}",
                "{\"received\": true, \"already_owned\": false, \"match_reason\": \"x\", \"character_type\": \"종이팩\"}",
                "{\"received\": true, \"already_owned\": false, \"name\": \"팩팩이\", \"character_type\": \"종이팩\"}",
                "{\"received\": true, \"already_owned\": false, \"name\": \"새싹이\", \"match_reason\": \"x\", \"character_type\": \"한정판\"}",
                "{\"received\": false, \"received\": false, \"already_owned\": false, \"match_reason\": \"x\"}",
                "{\"received\": false, \"already_owned\": false, \"match_reason\": \"x\"} {}"
            })
    void a_reward_that_breaks_the_contract_is_refused(String json) {
        assertThatThrownBy(() -> CharacterServiceJson.readReward(json, CATALOGUE))
                .isInstanceOf(MalformedBodyException.class);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{}",
                "{\"user_id\": \"u\", \"classification\": \"재활용폐기물\", \"disposal_rules_present\": true, \"insufficiencies_present\": false}",
                "{\"user_id\": \"\", \"classification\": {\"major_category\": \"a\", \"minor_category\": \"b\"}, \"disposal_rules_present\": true, \"insufficiencies_present\": false}",
                "{\"user_id\": \"u\", \"classification\": {\"major_category\": \"a\", \"minor_category\": \"b\"}, \"disposal_rules_present\": 1, \"insufficiencies_present\": false}",
                "{\"user_id\": \"u\", \"classification\": {\"major_category\": \"a\"}, \"disposal_rules_present\": true, \"insufficiencies_present\": false}"
            })
    void a_reward_request_that_breaks_the_contract_is_refused(String json) {
        assertThatThrownBy(() -> CharacterServiceJson.readRewardRequest(json))
                .isInstanceOf(MalformedBodyException.class);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{}",
                "[1]",
                "[{\"name\": \"팩팩이\", \"character_type\": \"종이팩\"}]",
                "[{\"name\": \"팩팩이\", \"character_type\": \"종이팩\", \"received_at\": \"yesterday\"}]"
            })
    void a_collection_that_breaks_the_contract_is_refused(String json) {
        assertThatThrownBy(() -> CharacterServiceJson.readOwned(json, CATALOGUE))
                .isInstanceOf(MalformedBodyException.class);
    }

    @Test
    void refusals_never_quote_what_was_sent() {
        assertThatThrownBy(() -> CharacterServiceJson.readReward("{\"received\": secret-looking-text}", CATALOGUE))
                .isInstanceOf(MalformedBodyException.class)
                .message()
                .doesNotContain("secret");
    }
}
