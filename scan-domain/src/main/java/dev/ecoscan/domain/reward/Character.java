package dev.ecoscan.domain.reward;

import dev.ecoscan.domain.taxonomy.NodeId;
import dev.ecoscan.domain.taxonomy.Slugs;
import dev.ecoscan.domain.taxonomy.Texts;
import java.util.Objects;
import java.util.Optional;

/**
 * A collectible character.
 *
 * @param middle the recyclable middle category it rewards; empty for the default mascot
 */
public record Character(String id, String name, String type, String dialog, Optional<NodeId> middle) {

    public Character {
        Slugs.require(id, "character id");
        name = Texts.requireText(name, "character name");
        type = Texts.requireText(type, "character type");
        dialog = Texts.requireText(dialog, "character dialog");
        Objects.requireNonNull(middle, "middle");
    }

    public boolean isDefault() {
        return middle.isEmpty();
    }
}
