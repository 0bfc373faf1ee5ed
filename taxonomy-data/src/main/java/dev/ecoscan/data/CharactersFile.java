package dev.ecoscan.data;

import dev.ecoscan.domain.reward.Character;
import dev.ecoscan.domain.reward.CharacterCatalogue;
import dev.ecoscan.domain.taxonomy.MiddleCategory;
import dev.ecoscan.domain.taxonomy.NodeId;
import dev.ecoscan.domain.taxonomy.Taxonomy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads {@code characters.yaml}: one default character, and exactly one character for each recyclable
 * middle category.
 */
final class CharactersFile {

    private static final Set<String> CHARACTER_KEYS = Set.of("id", "name", "type", "default", "middle", "dialog");

    private CharactersFile() {}

    static CharacterCatalogue read(Object document, Taxonomy taxonomy) {
        YamlEntry root = YamlEntry.root(KnowledgeBaseLoader.CHARACTERS, document, Set.of("characters"));
        Set<NodeId> recyclableMiddles =
                taxonomy.recyclableMiddles().map(MiddleCategory::id).collect(Collectors.toSet());
        Map<String, String> seenIds = new HashMap<>();
        Map<NodeId, String> seenMiddles = new HashMap<>();
        List<Character> characters = new ArrayList<>();
        for (YamlEntry entry : root.entries("characters", CHARACTER_KEYS)) {
            Optional<NodeId> middle = entry.optionalText("middle").map(m -> entry.build(() -> NodeId.of(m)));
            boolean isDefault = entry.flag("default", false);
            if (isDefault == middle.isPresent()) {
                throw entry.error("a character is either the default one or rewards one middle category");
            }
            middle.ifPresent(m -> {
                if (!recyclableMiddles.contains(m)) {
                    throw entry.error(
                            "'" + m + "' is not a recyclable middle category in " + KnowledgeBaseLoader.TAXONOMY);
                }
                String first = seenMiddles.putIfAbsent(m, entry.path());
                if (first != null) {
                    throw entry.error("'" + m + "' already has the character at " + first);
                }
            });
            Character character = entry.build(() -> new Character(
                    entry.text("id"), entry.text("name"), entry.text("type"), entry.text("dialog"), middle));
            String first = seenIds.putIfAbsent(character.id(), entry.path());
            if (first != null) {
                throw entry.error("duplicate id '" + character.id() + "', first used at " + first);
            }
            characters.add(character);
        }
        for (MiddleCategory middle : taxonomy.recyclableMiddles().toList()) {
            if (!seenMiddles.containsKey(middle.id())) {
                throw new DataFileException(
                        KnowledgeBaseLoader.CHARACTERS,
                        "characters",
                        "the recyclable middle category '" + middle.id() + "' (" + middle.name()
                                + ") has no character");
            }
        }
        return root.build(() -> new CharacterCatalogue(characters));
    }
}
