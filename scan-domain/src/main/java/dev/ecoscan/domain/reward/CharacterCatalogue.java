package dev.ecoscan.domain.reward;

import dev.ecoscan.domain.taxonomy.NodeId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Every character there is: one default mascot and at most one per recyclable middle category. */
public final class CharacterCatalogue {

    private final List<Character> characters;
    private final Map<NodeId, Character> byMiddle = new LinkedHashMap<>();
    private final Character defaultCharacter;

    public CharacterCatalogue(List<Character> characters) {
        this.characters = List.copyOf(Objects.requireNonNull(characters, "characters"));
        Map<String, Character> byId = new HashMap<>();
        Character fallback = null;
        for (Character character : this.characters) {
            if (byId.putIfAbsent(character.id(), character) != null) {
                throw new IllegalArgumentException("duplicate character id '" + character.id() + "'");
            }
            if (character.isDefault()) {
                if (fallback != null) {
                    throw new IllegalArgumentException(
                            "two default characters: '" + fallback.id() + "' and '" + character.id() + "'");
                }
                fallback = character;
            } else {
                Character twin = byMiddle.putIfAbsent(character.middle().orElseThrow(), character);
                if (twin != null) {
                    throw new IllegalArgumentException("characters '" + twin.id() + "' and '" + character.id()
                            + "' both reward '" + character.middle().orElseThrow() + "'");
                }
            }
        }
        if (fallback == null) {
            throw new IllegalArgumentException("no default character (one without a middle category)");
        }
        this.defaultCharacter = fallback;
    }

    public List<Character> all() {
        return characters;
    }

    /** The character a middle category earns, or the default mascot when it has none of its own. */
    public Character forMiddle(NodeId middle) {
        return byMiddle.getOrDefault(middle, defaultCharacter);
    }

    public Optional<Character> ownedBy(NodeId middle) {
        return Optional.ofNullable(byMiddle.get(middle));
    }

    public Optional<Character> byId(String id) {
        return characters.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    public Character defaultCharacter() {
        return defaultCharacter;
    }
}
