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
 * @param id     the character's slug, stable across releases
 * @param name   its display name
 * @param type   what kind of character it is, as the reference system names it
 * @param dialog what it says when it is granted
 */
public record Character(String id, String name, String type, String dialog, Optional<NodeId> middle) {

    /** Checks the slug and that every text is present. */
    public Character {
        Slugs.require(id, "character id");
        name = Texts.requireText(name, "character name");
        type = Texts.requireText(type, "character type");
        dialog = Texts.requireText(dialog, "character dialog");
        Objects.requireNonNull(middle, "middle");
    }

    /**
     * Whether this is the default mascot, granted where a category has no character of its own.
     *
     * @return true when it rewards no middle category
     */
    public boolean isDefault() {
        return middle.isEmpty();
    }
}
