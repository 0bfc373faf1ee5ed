package dev.ecoscan.adapter.character;

import dev.ecoscan.data.KnowledgeBase;
import dev.ecoscan.domain.port.RewardGrant;
import dev.ecoscan.domain.reward.CharacterCatalogue;
import dev.ecoscan.domain.scan.ScanId;
import dev.ecoscan.domain.scan.UserId;
import dev.ecoscan.domain.taxonomy.CategoryPath;
import dev.ecoscan.domain.taxonomy.Classification;
import dev.ecoscan.domain.taxonomy.MiddleCategory;
import java.time.Instant;
import java.util.List;

/** Reward grants for items of the embedded knowledge base, shaped as the pipeline sends them. */
final class RewardRequests {

    static final KnowledgeBase KNOWLEDGE = KnowledgeBase.embedded();
    static final CharacterCatalogue CATALOGUE = KNOWLEDGE.characters();

    private RewardRequests() {}

    /** Every recyclable middle category; each earns a character of its own. */
    static List<MiddleCategory> recyclableMiddles() {
        return KNOWLEDGE.taxonomy().recyclableMiddles().toList();
    }

    /** The middle category with this Korean name, e.g. 종이팩. */
    static MiddleCategory middle(String name) {
        return KNOWLEDGE
                .taxonomy()
                .recyclableMiddles()
                .filter(m -> m.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no recyclable middle category '" + name + "'"));
    }

    /** A clean item of the middle category with its rule found: it earns the middle's character. */
    static RewardGrant eligible(String user, MiddleCategory middle, Instant deadline) {
        return new RewardGrant(ScanId.random(), new UserId(user), firstItemOf(middle), deadline);
    }

    private static Classification firstItemOf(MiddleCategory middle) {
        CategoryPath path =
                KNOWLEDGE.taxonomy().pathOf(middle.items().getFirst().id()).orElseThrow();
        return new Classification(path, List.of());
    }
}
