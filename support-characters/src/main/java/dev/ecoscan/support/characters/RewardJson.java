package dev.ecoscan.support.characters;

import static dev.ecoscan.support.characters.StrictJson.bool;
import static dev.ecoscan.support.characters.StrictJson.optionalText;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecoscan.domain.reward.Character;
import dev.ecoscan.domain.reward.CharacterCatalogue;
import dev.ecoscan.domain.reward.RewardOutcome;
import java.util.Objects;
import java.util.Optional;

/**
 * The reward body {@code {"received", "already_owned", "name", "dialog", "match_reason", "character_type"}},
 * the character service's answer to a reward request. Strict as {@link StrictJson} says.
 */
public final class RewardJson {

    /** The reason given when the service declines without saying why. */
    static final String NO_REASON_GIVEN = "the character service did not grant a character";

    private RewardJson() {}

    /**
     * The reward object for an outcome; for {@link RewardOutcome.NotEligible} only {@code match_reason}
     * is set and the character fields are null.
     *
     * @throws IllegalArgumentException for {@link RewardOutcome.Unavailable}, which has no reward body: the
     *                                  service answers 503 instead
     * @param outcome what the scan earned
     * @return the JSON body
     */
    public static String write(RewardOutcome outcome) {
        Objects.requireNonNull(outcome, "outcome");
        return switch (outcome) {
            case RewardOutcome.Granted granted ->
                StrictJson.write(reward(true, false, granted.character(), granted.matchReason()));
            case RewardOutcome.AlreadyOwned owned ->
                StrictJson.write(reward(false, true, owned.character(), owned.matchReason()));
            case RewardOutcome.NotEligible notEligible ->
                StrictJson.write(reward(false, false, null, notEligible.reason()));
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
     * @param json      the body the service sent
     * @param catalogue the characters the ids name
     * @return what the scan earned
     */
    public static RewardOutcome read(String json, CharacterCatalogue catalogue) {
        Objects.requireNonNull(catalogue, "catalogue");
        JsonNode body = StrictJson.readObject(json);
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
        Character character = WireCharacter.read(body, catalogue);
        return received
                ? new RewardOutcome.Granted(character, matchReason)
                : new RewardOutcome.AlreadyOwned(character, matchReason);
    }

    private static ObjectNode reward(boolean received, boolean alreadyOwned, Character character, String reason) {
        ObjectNode body = StrictJson.object();
        body.put("received", received);
        body.put("already_owned", alreadyOwned);
        body.put("name", character == null ? null : character.name());
        body.put("dialog", character == null ? null : character.dialog());
        body.put("match_reason", reason);
        body.put("character_type", character == null ? null : character.type());
        return body;
    }
}
