package dev.ecoscan.support.characters;

import static dev.ecoscan.support.characters.WireFixtures.USER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ecoscan.application.port.RewardClaim;
import dev.ecoscan.domain.taxonomy.CategoryLabels;
import org.junit.jupiter.api.Test;

class CharacterServiceRequestTest {

    @Test
    void a_received_request_claims_its_names_and_the_two_reported_facts() {
        CharacterServiceRequest request = new CharacterServiceRequest(USER, "재활용폐기물", "종이팩", "우유팩", true, false);

        assertThat(request.toClaim())
                .isEqualTo(new RewardClaim(USER, CategoryLabels.of("재활용폐기물", "종이팩", "우유팩"), true, false));
    }

    @Test
    void a_claim_keeps_blocking_tags_seen_and_no_rule_found() {
        CharacterServiceRequest request = new CharacterServiceRequest(USER, "재활용폐기물", "종이팩", "우유팩", false, true);

        RewardClaim claim = request.toClaim();

        assertThat(claim.ruleFound()).isFalse();
        assertThat(claim.blockingTagsSeen()).isTrue();
    }

    @Test
    void an_empty_middle_category_is_claimed_as_none() {
        CharacterServiceRequest request = new CharacterServiceRequest(USER, "음식물류폐기물", "", "과일 껍질", true, false);

        assertThat(request.toClaim().labels().middle()).isEmpty();
    }
}
