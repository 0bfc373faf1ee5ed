package dev.ecoscan.support.characters;

import static dev.ecoscan.support.characters.StrictJson.optionalText;
import static dev.ecoscan.support.characters.StrictJson.text;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ecoscan.domain.reward.Character;
import dev.ecoscan.domain.reward.CharacterCatalogue;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * A character as the wire names it ({@code name}, {@code character_type}, {@code dialog}), matched to
 * the catalogue. Rewards and collections both carry characters this way.
 */
final class WireCharacter {

    private static final String REMOTE_ID_PREFIX = "remote-";

    private WireCharacter() {}

    /**
     * The catalogue's own character when its name and type match one; otherwise (the service knows a
     * character this catalogue does not) one built from the node, with an id
     * {@code remote-<hash of name and type>}.
     *
     * @throws MalformedBodyException when the node does not follow the contract
     */
    static Character read(JsonNode node, CharacterCatalogue catalogue) {
        String name = text(node, "name").strip();
        String type = text(node, "character_type").strip();
        for (Character known : catalogue.all()) {
            if (known.name().equals(name) && known.type().equals(type)) {
                return known;
            }
        }
        // A character service with a newer catalogue than ours: keep the reward rather than lose it.
        String dialog = optionalText(node, "dialog")
                .filter(text -> !text.isBlank())
                .orElseThrow(() ->
                        new MalformedBodyException("'dialog' is required for a character the catalogue does not know"));
        return new Character(remoteId(name, type), name, type, dialog, Optional.empty());
    }

    /** A stable slug for a character known only by its name and type. */
    static String remoteId(String name, String type) {
        try {
            byte[] hash =
                    MessageDigest.getInstance("SHA-256").digest((name + "\n" + type).getBytes(StandardCharsets.UTF_8));
            return REMOTE_ID_PREFIX + HexFormat.of().formatHex(hash, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
