package dev.ecoscan.adapter.character;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecoscan.domain.reward.Character;
import dev.ecoscan.domain.reward.CharacterCatalogue;
import dev.ecoscan.domain.reward.OwnedCharacter;
import dev.ecoscan.domain.reward.RewardOutcome;
import dev.ecoscan.domain.scan.UserId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads and writes the character service's JSON bodies. The remote adapter and eco-scan's own
 * character service both use it, so the two sides cannot drift apart.
 *
 * <p>Readers are strict about the contract (types, required fields, no duplicate keys, nothing after
 * the value) and ignore fields they do not know, so either side can add fields first. Their messages
 * name fields, never values, so nothing a peer sent is echoed.
 */
public final class CharacterServiceJson {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /** The reason given when the service declines without saying why. */
    static final String NO_REASON_GIVEN = "the character service did not grant a character";

    private static final String REMOTE_ID_PREFIX = "remote-";

    private CharacterServiceJson() {}

    /** {@code {"user_id", "classification": {"major_category", "middle_category", "minor_category"}, "disposal_rules_present", "insufficiencies_present"}}. */
    public static String writeRewardRequest(CharacterServiceRequest request) {
        Objects.requireNonNull(request, "request");
        ObjectNode body = JSON.createObjectNode();
        body.put("user_id", request.user().value());
        ObjectNode classification = body.putObject("classification");
        classification.put("major_category", request.majorCategory());
        classification.put("middle_category", request.middleCategory());
        classification.put("minor_category", request.minorCategory());
        body.put("disposal_rules_present", request.disposalRulesPresent());
        body.put("insufficiencies_present", request.insufficienciesPresent());
        return write(body);
    }

    /**
     * The fields of a reward request, as eco-scan's own character service receives it.
     * A missing or null {@code middle_category} reads as "" (no middle category).
     *
     * @throws MalformedBodyException when the body does not follow the contract
     */
    public static CharacterServiceRequest readRewardRequest(String json) {
        JsonNode body = readObject(json);
        JsonNode classification = body.get("classification");
        if (classification == null || !classification.isObject()) {
            throw new MalformedBodyException("'classification' must be an object");
        }
        try {
            return new CharacterServiceRequest(
                    new UserId(text(body, "user_id")),
                    text(classification, "major_category"),
                    optionalText(classification, "middle_category").orElse(""),
                    text(classification, "minor_category"),
                    bool(body, "disposal_rules_present"),
                    bool(body, "insufficiencies_present"));
        } catch (MalformedBodyException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new MalformedBodyException("the reward request's fields are invalid: " + e.getMessage());
        }
    }

    /**
     * The reward object {@code {"received", "already_owned", "name", "dialog", "match_reason", "character_type"}};
     * for {@link RewardOutcome.NotEligible} only {@code match_reason} is set and the character fields are null.
     *
     * @throws IllegalArgumentException for {@link RewardOutcome.Unavailable}, which has no reward body: the
     *                                  service answers 503 instead
     */
    public static String writeReward(RewardOutcome outcome) {
        Objects.requireNonNull(outcome, "outcome");
        return switch (outcome) {
            case RewardOutcome.Granted granted ->
                write(reward(true, false, granted.character(), granted.matchReason()));
            case RewardOutcome.AlreadyOwned owned -> write(reward(false, true, owned.character(), owned.matchReason()));
            case RewardOutcome.NotEligible notEligible -> write(reward(false, false, null, notEligible.reason()));
            case RewardOutcome.Unavailable unavailable ->
                throw new IllegalArgumentException(
                        "an unavailable reward has no reward body; the character service answers 503 instead");
        };
    }

    /**
     * The outcome a reward object stands for: {@code received} → granted, {@code already_owned} →
     * already owned, neither → not eligible for {@code match_reason}. The character is the catalogue's
     * own when its name and type match one; otherwise (the service knows a character this catalogue
     * does not) it is built from the reply, with an id {@code remote-<hash of name and type>}.
     *
     * @throws MalformedBodyException when the body does not follow the contract
     */
    public static RewardOutcome readReward(String json, CharacterCatalogue catalogue) {
        Objects.requireNonNull(catalogue, "catalogue");
        JsonNode body = readObject(json);
        boolean received = bool(body, "received");
        boolean alreadyOwned = bool(body, "already_owned");
        if (received && alreadyOwned) {
            throw new MalformedBodyException("'received' and 'already_owned' cannot both be true");
        }
        Optional<String> reason = optionalText(body, "match_reason").filter(text -> !text.isBlank());
        if (!received && !alreadyOwned) {
            return new RewardOutcome.NotEligible(reason.orElse(NO_REASON_GIVEN));
        }
        String matchReason = reason.orElseThrow(
                () -> new MalformedBodyException("'match_reason' is required when a character is received or owned"));
        Character character = character(body, catalogue);
        return received
                ? new RewardOutcome.Granted(character, matchReason)
                : new RewardOutcome.AlreadyOwned(character, matchReason);
    }

    /** {@code [{"name", "character_type", "dialog", "received_at"}, …]} in the list's order (oldest first). */
    public static String writeOwned(List<OwnedCharacter> owned) {
        Objects.requireNonNull(owned, "owned");
        ArrayNode body = JSON.createArrayNode();
        for (OwnedCharacter entry : owned) {
            ObjectNode item = body.addObject();
            item.put("name", entry.character().name());
            item.put("character_type", entry.character().type());
            item.put("dialog", entry.character().dialog());
            item.put("received_at", entry.receivedAt().toString());
        }
        return write(body);
    }

    /**
     * The characters of a collection body, in its order; characters are matched to the catalogue as
     * in {@link #readReward}.
     *
     * @throws MalformedBodyException when the body does not follow the contract
     */
    public static List<OwnedCharacter> readOwned(String json, CharacterCatalogue catalogue) {
        Objects.requireNonNull(catalogue, "catalogue");
        JsonNode body = read(json);
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
            owned.add(new OwnedCharacter(character(item, catalogue), receivedAt));
        }
        return List.copyOf(owned);
    }

    private static ObjectNode reward(boolean received, boolean alreadyOwned, Character character, String reason) {
        ObjectNode body = JSON.createObjectNode();
        body.put("received", received);
        body.put("already_owned", alreadyOwned);
        body.put("name", character == null ? null : character.name());
        body.put("dialog", character == null ? null : character.dialog());
        body.put("match_reason", reason);
        body.put("character_type", character == null ? null : character.type());
        return body;
    }

    private static Character character(JsonNode node, CharacterCatalogue catalogue) {
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

    private static JsonNode readObject(String json) {
        JsonNode node = read(json);
        if (!node.isObject()) {
            throw new MalformedBodyException("the body must be a JSON object");
        }
        return node;
    }

    private static JsonNode read(String json) {
        if (json == null || json.isBlank()) {
            throw new MalformedBodyException("the body is empty");
        }
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            // Jackson's message quotes the input; say only what is wrong with it.
            throw new MalformedBodyException("the body is not valid JSON (or has a duplicate key)");
        }
    }

    private static String text(JsonNode node, String field) {
        return optionalText(node, field).orElseThrow(() -> new MalformedBodyException("'" + field + "' is required"));
    }

    private static Optional<String> optionalText(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw new MalformedBodyException("'" + field + "' must be a string");
        }
        return Optional.of(value.textValue());
    }

    private static boolean bool(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isBoolean()) {
            throw new MalformedBodyException("'" + field + "' must be true or false");
        }
        return value.booleanValue();
    }

    private static String write(JsonNode body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree of strings and booleans always serialises", e);
        }
    }

    /** A character service body that does not follow the contract; its message names the field, not the value. */
    public static final class MalformedBodyException extends IllegalArgumentException {

        public MalformedBodyException(String message) {
            super(message);
        }
    }
}
