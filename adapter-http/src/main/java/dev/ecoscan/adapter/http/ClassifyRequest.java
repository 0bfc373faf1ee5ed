package dev.ecoscan.adapter.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.util.Optional;

/** The body of {@code POST /api/v1/scan/classify}: {@code {"image_url": "...", "user_input": "..."}}. */
record ClassifyRequest(String imageUrl, Optional<String> userInput) {

    /** Strict: {@code {"a":1}}} is not JSON with some junk after it, it is not JSON. */
    private static final ObjectReader READER =
            ScanBodies.JSON.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    static ClassifyRequest parse(byte[] body, int maxUserInput) {
        JsonNode root;
        try {
            root = READER.readTree(body);
        } catch (StreamConstraintsException e) {
            // 10,000 '[' in a row, a number of 2,000 digits: Jackson's own words name its internals.
            throw new ProblemException(
                    ProblemCode.INVALID_JSON, "the body is nested too deeply or has too long a" + " number or name");
        } catch (JsonProcessingException e) {
            throw new ProblemException(
                    ProblemCode.INVALID_JSON, "the body is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ProblemException(ProblemCode.INVALID_JSON, "the body could not be read");
        }
        if (root == null || !root.isObject()) {
            throw new ProblemException(ProblemCode.INVALID_REQUEST, "the body must be a JSON object");
        }
        JsonNode url = root.get("image_url");
        if (url == null || !url.isTextual() || url.asText().isBlank()) {
            throw new ProblemException(ProblemCode.INVALID_REQUEST, "image_url must be a non-empty string");
        }
        JsonNode input = root.get("user_input");
        if (input != null && !input.isNull() && !input.isTextual()) {
            throw new ProblemException(ProblemCode.INVALID_REQUEST, "user_input must be a string");
        }
        Optional<String> question = input == null || input.isNull()
                ? Optional.empty()
                : question(input.asText(), maxUserInput, "user_input");
        String imageUrl = url.asText().strip();
        if (hasLoneSurrogates(imageUrl)) {
            throw new ProblemException(ProblemCode.IMAGE_URL_NOT_ALLOWED, "image_url is not valid Unicode");
        }
        if (hasBidiControls(imageUrl)) {
            // Legal in a URI's path, but they make a URL read differently in a log than it is.
            throw new ProblemException(
                    ProblemCode.IMAGE_URL_NOT_ALLOWED,
                    "image_url contains bidirectional override or isolate characters");
        }
        return new ClassifyRequest(imageUrl, question);
    }

    /**
     * A question as the caller sent it, stripped (empty when blank) and checked: at most {@code max}
     * characters, no control characters but newline and tab, no bidi controls, valid Unicode. The
     * same rules for the JSON body's {@code user_input} and an upload's {@code question} field.
     */
    static Optional<String> question(String sent, int max, String field) {
        Optional<String> question = Optional.of(sent.strip()).filter(q -> !q.isEmpty());
        question.ifPresent(q -> {
            if (q.codePointCount(0, q.length()) > max) {
                throw new ProblemException(
                        ProblemCode.USER_INPUT_TOO_LONG, field + " may have at most " + max + " characters");
            }
            if (q.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\t')) {
                throw new ProblemException(ProblemCode.INVALID_REQUEST, field + " contains control characters");
            }
            if (hasBidiControls(q)) {
                throw new ProblemException(
                        ProblemCode.INVALID_REQUEST, field + " contains bidirectional override or isolate characters");
            }
            if (hasLoneSurrogates(q)) {
                throw new ProblemException(ProblemCode.INVALID_REQUEST, field + " is not valid Unicode");
            }
        });
        return question;
    }

    /**
     * The explicit embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069), which reorder
     * what follows them on screen: text reads differently to a person, in a log, than it is
     * ("Trojan Source"). Right-to-left text needs none of them; the implicit marks stay allowed.
     */
    static boolean hasBidiControls(String text) {
        return text.chars().anyMatch(c -> (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069));
    }

    /** Half a surrogate pair, escaped, is valid JSON but no character: it could not be sent on as UTF-8. */
    private static boolean hasLoneSurrogates(String text) {
        return text.codePoints().anyMatch(c -> c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE);
    }
}
