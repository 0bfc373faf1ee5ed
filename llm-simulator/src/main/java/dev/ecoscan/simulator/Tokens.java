package dev.ecoscan.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;

/**
 * Token counts without a tokenizer: about one token per 3 UTF-8 bytes, which is close for Korean and
 * JSON with OpenAI's current encodings, and a flat 85 tokens per image, OpenAI's price of a low-detail image.
 */
final class Tokens {

    static final int PER_IMAGE = 85;
    /** OpenAI adds a few tokens of framing per message and primes the reply with 3 more. */
    static final int PER_MESSAGE = 4;

    static final int REPLY_PRIMING = 3;
    private static final int BYTES_PER_TOKEN = 3;

    private Tokens() {}

    static int of(String text) {
        return (utf8Length(text) + BYTES_PER_TOKEN - 1) / BYTES_PER_TOKEN;
    }

    /** What the request costs: every message, every image, and the schema, which providers also send to the model. */
    static int prompt(ChatRequest request) {
        int tokens = REPLY_PRIMING;
        for (ChatRequest.Message message : request.messages()) {
            tokens += PER_MESSAGE;
            for (ChatRequest.Part part : message.parts()) {
                tokens += switch (part) {
                    case ChatRequest.Part.Text text -> of(text.text());
                    case ChatRequest.Part.ImageUrl image -> PER_IMAGE;
                };
            }
        }
        if (request.format() instanceof ChatRequest.ResponseFormat.JsonSchema(String name, JsonNode schema)) {
            tokens += of(name) + of(schema.toString());
        }
        return tokens;
    }

    /** The longest prefix of the text that fits in the tokens, cut between characters, never inside one. */
    static String cut(String text, int maxTokens) {
        int budget = maxTokens * BYTES_PER_TOKEN;
        int bytes = 0;
        int end = 0;
        while (end < text.length()) {
            int codePoint = text.codePointAt(end);
            int size = utf8Length(Character.toString(codePoint));
            if (bytes + size > budget) {
                break;
            }
            bytes += size;
            end += Character.charCount(codePoint);
        }
        return text.substring(0, end);
    }

    private static int utf8Length(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
