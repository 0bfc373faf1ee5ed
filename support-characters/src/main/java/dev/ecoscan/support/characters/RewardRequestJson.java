package dev.ecoscan.support.characters;

import static dev.ecoscan.support.characters.StrictJson.bool;
import static dev.ecoscan.support.characters.StrictJson.optionalText;
import static dev.ecoscan.support.characters.StrictJson.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecoscan.domain.scan.UserId;
import java.util.Objects;

/**
 * The reward request body {@code {"user_id", "classification": {"major_category", "middle_category",
 * "minor_category"}, "disposal_rules_present", "insufficiencies_present"}}, sent to the character
 * service. Strict as {@link StrictJson} says.
 */
public final class RewardRequestJson {

    private RewardRequestJson() {}

    /**
     * The JSON body of a reward request, as the reference system sends it.
     *
     * @param request the request
     * @return the JSON body
     */
    public static String write(CharacterServiceRequest request) {
        Objects.requireNonNull(request, "request");
        ObjectNode body = StrictJson.object();
        body.put("user_id", request.user().value());
        ObjectNode classification = body.putObject("classification");
        classification.put("major_category", request.majorCategory());
        classification.put("middle_category", request.middleCategory());
        classification.put("minor_category", request.minorCategory());
        body.put("disposal_rules_present", request.disposalRulesPresent());
        body.put("insufficiencies_present", request.insufficienciesPresent());
        return StrictJson.write(body);
    }

    /**
     * The fields of a reward request, as eco-scan's own character service receives it.
     * A missing or null {@code middle_category} reads as "" (no middle category).
     *
     * @throws MalformedBodyException when the body does not follow the contract
     * @param json the request body
     * @return the request it carries
     */
    public static CharacterServiceRequest read(String json) {
        JsonNode body = StrictJson.readObject(json);
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
}
