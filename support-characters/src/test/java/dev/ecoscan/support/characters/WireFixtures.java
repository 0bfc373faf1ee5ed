package dev.ecoscan.support.characters;

import dev.ecoscan.data.KnowledgeBase;
import dev.ecoscan.domain.reward.Character;
import dev.ecoscan.domain.reward.CharacterCatalogue;
import dev.ecoscan.domain.scan.UserId;
import dev.ecoscan.domain.taxonomy.CategoryLabels;
import dev.ecoscan.domain.taxonomy.Classification;
import dev.ecoscan.domain.taxonomy.Resolution;

/** The embedded catalogue's characters and classifications, as the wire format's tests use them. */
final class WireFixtures {

    static final CharacterCatalogue CATALOGUE = KnowledgeBase.embedded().characters();
    static final Character MASCOT = CATALOGUE.defaultCharacter();
    static final Character PAPER_PACK = CATALOGUE.byId("paper-pack").orElseThrow();
    static final UserId USER = new UserId("5f0c2a1e-7b3d-4c8e-9a61-2d4f6b8e0c13");

    private WireFixtures() {}

    static Classification classification(String major, String middle, String item) {
        Resolution resolution = KnowledgeBase.embedded().taxonomy().resolve(CategoryLabels.of(major, middle, item));
        return ((Resolution.Resolved) resolution).classification();
    }
}
