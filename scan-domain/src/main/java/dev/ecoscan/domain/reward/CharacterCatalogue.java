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

    /**
     * A catalogue of these characters, checked: unique ids, exactly one default, one per middle at most.
     *
     * @param characters every character, in display order
     * @throws IllegalArgumentException when the list breaks one of those rules
     */
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

    /**
     * Every character, in display order.
     *
     * @return the characters, unmodifiable
     */
    public List<Character> all() {
        return characters;
    }

    /**
     * The character a middle category earns, or the default mascot when it has none of its own.
     *
     * @param middle a recyclable middle category
     * @return its character, or the default mascot
     */
    public Character forMiddle(NodeId middle) {
        return byMiddle.getOrDefault(middle, defaultCharacter);
    }

    /**
     * The character of a middle category, if it has its own.
     *
     * @param middle a recyclable middle category
     * @return its character; empty when it has none (no mascot fallback)
     */
    public Optional<Character> ownedBy(NodeId middle) {
        return Optional.ofNullable(byMiddle.get(middle));
    }

    /**
     * Finds a character by its id.
     *
     * @param id the character's slug
     * @return the character, or empty when none has that id
     */
    public Optional<Character> byId(String id) {
        return characters.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    /**
     * The mascot, granted where a category has no character of its own.
     *
     * @return the character without a middle category
     */
    public Character defaultCharacter() {
        return defaultCharacter;
    }
}
