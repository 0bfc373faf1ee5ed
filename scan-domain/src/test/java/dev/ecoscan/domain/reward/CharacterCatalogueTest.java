package dev.ecoscan.domain.reward;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecoscan.domain.taxonomy.NodeId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CharacterCatalogueTest {

    private static final Character MASCOT = new Character("mascot", "에코", "기본", "안녕!", Optional.empty());
    private static final Character PAPER =
            new Character("paper", "종이돌이", "종이", "고마워!", Optional.of(NodeId.of("recyclable.paper")));

    @Test
    void a_middle_finds_its_own_character_or_else_the_mascot() {
        CharacterCatalogue catalogue = new CharacterCatalogue(List.of(MASCOT, PAPER));

        assertThat(catalogue.forMiddle(NodeId.of("recyclable.paper"))).isEqualTo(PAPER);
        assertThat(catalogue.forMiddle(NodeId.of("recyclable.glass"))).isEqualTo(MASCOT);
    }

    @Test
    void a_catalogue_needs_exactly_one_default_character() {
        assertThatThrownBy(() -> new CharacterCatalogue(List.of(PAPER))).hasMessageContaining("no default");
        Character second = new Character("mascot-2", "에코2", "기본", "또 안녕!", Optional.empty());
        assertThatThrownBy(() -> new CharacterCatalogue(List.of(MASCOT, second)))
                .hasMessageContaining("two default");
    }

    @Test
    void two_characters_for_one_middle_are_refused() {
        Character twin = new Character("paper-2", "종이순이", "종이", "나도!", PAPER.middle());
        assertThatThrownBy(() -> new CharacterCatalogue(List.of(MASCOT, PAPER, twin)))
                .hasMessageContaining("both reward 'recyclable.paper'");
    }
}
