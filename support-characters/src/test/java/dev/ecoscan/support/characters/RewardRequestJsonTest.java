package dev.ecoscan.support.characters;

import static dev.ecoscan.support.characters.WireFixtures.USER;
import static dev.ecoscan.support.characters.WireFixtures.classification;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecoscan.domain.port.RewardGrant;
import dev.ecoscan.domain.scan.ScanId;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RewardRequestJsonTest {

    @Test
    void a_reward_request_is_written_as_the_contract_says() {
        RewardGrant grant =
                new RewardGrant(ScanId.random(), USER, classification("재활용폐기물", "종이팩", "우유팩"), Instant.now());

        String json = RewardRequestJson.write(CharacterServiceRequest.of(grant));

        assertThat(json)
                .isEqualTo("{\"user_id\":\"" + USER.value() + "\",\"classification\":"
                        + "{\"major_category\":\"재활용폐기물\",\"middle_category\":\"종이팩\",\"minor_category\":\"우유팩\"},"
                        + "\"disposal_rules_present\":true,\"insufficiencies_present\":false}");
    }

    @Test
    void an_item_without_a_middle_category_is_written_with_an_empty_middle() {
        CharacterServiceRequest fields = new CharacterServiceRequest(USER, "음식물류폐기물", "", "과일 껍질", true, false);

        assertThat(RewardRequestJson.write(fields)).contains("\"middle_category\":\"\"");
    }

    @Test
    void a_reward_request_survives_a_round_trip() {
        CharacterServiceRequest request = new CharacterServiceRequest(USER, "재활용폐기물", "무색페트병", "음료PET병", true, true);

        assertThat(RewardRequestJson.read(RewardRequestJson.write(request))).isEqualTo(request);
    }

    @Test
    void a_reward_request_without_a_middle_reads_as_an_empty_middle() {
        String json = """
                {"user_id": "u-1", "classification": {"major_category": "음식물류폐기물", "minor_category": "과일 껍질"},
                 "disposal_rules_present": true, "insufficiencies_present": false, "extra": 1}""";

        assertThat(RewardRequestJson.read(json).middleCategory()).isEmpty();
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
        assertThatThrownBy(() -> RewardRequestJson.read(json)).isInstanceOf(MalformedBodyException.class);
    }
}
