package dev.ecoscan.support.characters;

import static dev.ecoscan.support.characters.StrictJson.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecoscan.domain.reward.CharacterCatalogue;
import dev.ecoscan.domain.reward.OwnedCharacter;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The collection body {@code [{"name", "character_type", "dialog", "received_at"}, …]}: the characters
 * a user owns, oldest first. Strict as {@link StrictJson} says.
 */
public final class CollectionJson {

    private CollectionJson() {}

    /**
     * The characters in the list's order (oldest first).
     *
     * @param owned the user's characters
     * @return the JSON body
     */
    public static String write(List<OwnedCharacter> owned) {
        Objects.requireNonNull(owned, "owned");
        ArrayNode body = StrictJson.array();
        for (OwnedCharacter entry : owned) {
            ObjectNode item = body.addObject();
            item.put("name", entry.character().name());
            item.put("character_type", entry.character().type());
            item.put("dialog", entry.character().dialog());
            item.put("received_at", entry.receivedAt().toString());
        }
        return StrictJson.write(body);
    }

    /**
     * The characters of a collection body, in its order; characters are matched to the catalogue as
     * in {@link RewardJson#read}.
     *
     * @throws MalformedBodyException when the body does not follow the contract
     * @param json      the body the service sent
     * @param catalogue the characters the ids name
     * @return the characters, oldest first
     */
    public static List<OwnedCharacter> read(String json, CharacterCatalogue catalogue) {
        Objects.requireNonNull(catalogue, "catalogue");
        JsonNode body = StrictJson.read(json);
        if (!body.isArray()) {
            throw new MalformedBodyException("the collection must be a JSON array");
        }
        List<OwnedCharacter> owned = new ArrayList<>(body.size());
        for (JsonNode item : body) {
            if (!item.isObject()) {
                throw new MalformedBodyException("each owned character must be an object");
            }
            Instant receivedAt;
            try {
                receivedAt = Instant.parse(text(item, "received_at"));
            } catch (DateTimeParseException e) {
                throw new MalformedBodyException("'received_at' must be an ISO-8601 instant");
            }
            owned.add(new OwnedCharacter(WireCharacter.read(item, catalogue), receivedAt));
        }
        return List.copyOf(owned);
    }
}
