package dev.ecoscan.support.characters;

import static dev.ecoscan.support.characters.WireFixtures.CATALOGUE;
import static dev.ecoscan.support.characters.WireFixtures.MASCOT;
import static dev.ecoscan.support.characters.WireFixtures.PAPER_PACK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecoscan.domain.reward.Character;
import dev.ecoscan.domain.reward.RewardOutcome;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RewardJsonTest {

    @Test
    void every_reward_survives_a_round_trip() {
        List<RewardOutcome> outcomes = List.of(
                new RewardOutcome.Granted(PAPER_PACK, "종이팩"),
                new RewardOutcome.AlreadyOwned(MASCOT, "기본"),
                new RewardOutcome.NotEligible("아직 라벨이 남아 있어요"));

        for (RewardOutcome outcome : outcomes) {
            assertThat(RewardJson.read(RewardJson.write(outcome), CATALOGUE)).isEqualTo(outcome);
        }
    }

    @Test
    void a_granted_reward_is_written_as_the_reference_reward_object() {
        String json = RewardJson.write(new RewardOutcome.Granted(PAPER_PACK, "종이팩"));

        assertThat(json)
                .isEqualTo("{\"received\":true,\"already_owned\":false,\"name\":\"" + PAPER_PACK.name()
                        + "\",\"dialog\":\"" + PAPER_PACK.dialog() + "\",\"match_reason\":\"종이팩\",\"character_type\":\""
                        + PAPER_PACK.type() + "\"}");
    }

    @Test
    void a_declined_reward_is_written_without_a_character() {
        String json = RewardJson.write(new RewardOutcome.NotEligible("아직 라벨이 남아 있어요"));

        assertThat(json)
                .isEqualTo("{\"received\":false,\"already_owned\":false,\"name\":null,\"dialog\":null,"
                        + "\"match_reason\":\"아직 라벨이 남아 있어요\",\"character_type\":null}");
    }

    @Test
    void an_unavailable_reward_has_no_body() {
        assertThatThrownBy(() -> RewardJson.write(new RewardOutcome.Unavailable("down")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("503");
    }

    @Test
    void an_unknown_character_gets_a_stable_remote_slug() {
        String json = """
                {"received": true, "already_owned": false, "name": "새싹이", "dialog": "새로 왔어요!",
                 "match_reason": "종이팩", "character_type": "한정판"}""";

        RewardOutcome first = RewardJson.read(json, CATALOGUE);
        RewardOutcome second = RewardJson.read(json, CATALOGUE);

        assertThat(first).isEqualTo(second);
        assertThat(((RewardOutcome.Granted) first).character())
                .isEqualTo(
                        new Character(WireCharacter.remoteId("새싹이", "한정판"), "새싹이", "한정판", "새로 왔어요!", Optional.empty()));
        assertThat(WireCharacter.remoteId("새싹이", "한정판")).matches("remote-[0-9a-f]{12}");
    }

    @Test
    void a_known_name_with_another_type_is_not_the_catalogue_character() {
        String json = """
                {"received": true, "already_owned": false, "name": "%s", "dialog": "다른 팩팩이예요",
                 "match_reason": "종이팩", "character_type": "다른 종류"}""".formatted(PAPER_PACK.name());

        RewardOutcome outcome = RewardJson.read(json, CATALOGUE);

        assertThat(((RewardOutcome.Granted) outcome).character().id()).startsWith("remote-");
    }

    @Test
    void a_catalogue_character_needs_no_dialog_on_the_wire() {
        String json = """
                {"received": false, "already_owned": true, "name": "%s", "dialog": null,
                 "match_reason": "종이팩", "character_type": "%s"}""".formatted(PAPER_PACK.name(), PAPER_PACK.type());

        assertThat(RewardJson.read(json, CATALOGUE)).isEqualTo(new RewardOutcome.AlreadyOwned(PAPER_PACK, "종이팩"));
    }

    @Test
    void a_decline_without_a_reason_gets_a_generic_one() {
        String json = """
                {"received": false, "already_owned": false, "name": null, "dialog": null, "match_reason": "",
                 "character_type": null}""";

        assertThat(RewardJson.read(json, CATALOGUE))
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
        assertThatThrownBy(() -> RewardJson.read(json, CATALOGUE)).isInstanceOf(MalformedBodyException.class);
    }

    @Test
    void refusals_never_quote_what_was_sent() {
        assertThatThrownBy(() -> RewardJson.read("{\"received\": secret-looking-text}", CATALOGUE))
                .isInstanceOf(MalformedBodyException.class)
                .message()
                .doesNotContain("secret");
    }
}
