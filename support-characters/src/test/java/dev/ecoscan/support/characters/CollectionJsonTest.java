package dev.ecoscan.support.characters;

import static dev.ecoscan.support.characters.WireFixtures.CATALOGUE;
import static dev.ecoscan.support.characters.WireFixtures.MASCOT;
import static dev.ecoscan.support.characters.WireFixtures.PAPER_PACK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecoscan.domain.reward.OwnedCharacter;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CollectionJsonTest {

    @Test
    void a_collection_survives_a_round_trip_in_order() {
        List<OwnedCharacter> owned = List.of(
                new OwnedCharacter(MASCOT, Instant.parse("2026-11-26T10:00:00Z")),
                new OwnedCharacter(PAPER_PACK, Instant.parse("2026-11-27T08:30:00.123456Z")));

        String json = CollectionJson.write(owned);

        assertThat(json)
                .startsWith("[{\"name\":\"" + MASCOT.name() + "\",\"character_type\":\"" + MASCOT.type()
                        + "\",\"dialog\":\"" + MASCOT.dialog() + "\",\"received_at\":\"2026-11-26T10:00:00Z\"}");
        assertThat(CollectionJson.read(json, CATALOGUE)).isEqualTo(owned);
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
        assertThatThrownBy(() -> CollectionJson.read(json, CATALOGUE)).isInstanceOf(MalformedBodyException.class);
    }
}
