package dev.ecoscan.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The part of an OpenAI chat completions request that the simulator understands. {@link #parse} checks
 * the body the way the real API does and throws {@link InvalidRequestException} where it would answer 400.
 */
record ChatRequest(
        String model,
        List<Message> messages,
        ResponseFormat format,
        OptionalInt maxTokens,
        boolean stream,
        boolean includeUsage) {

    private static final Set<String> ROLES = Set.of("system", "developer", "user", "assistant", "tool");

    ChatRequest {
        Objects.requireNonNull(model, "model");
        messages = List.copyOf(messages);
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(maxTokens, "maxTokens");
    }

    /** One piece of a message's content. */
    sealed interface Part {
        record Text(String text) implements Part {}

        record ImageUrl(String url) implements Part {}
    }

    record Message(String role, List<Part> parts) {

        Message {
            parts = List.copyOf(parts);
        }

        String text() {
            return parts.stream()
                    .filter(Part.Text.class::isInstance)
                    .map(p -> ((Part.Text) p).text())
                    .collect(Collectors.joining("\n"));
        }
    }

    /** What shape the reply must have. */
    sealed interface ResponseFormat {
        record Text() implements ResponseFormat {}

        record JsonObject() implements ResponseFormat {}

        record JsonSchema(String name, JsonNode schema) implements ResponseFormat {}
    }

    static ChatRequest parse(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new InvalidRequestException("The request body must be a JSON object.", null);
        }
        JsonNode model = body.get("model");
        if (model == null || !model.isTextual() || model.asText().isBlank()) {
            throw new InvalidRequestException("You must provide a model parameter.", "model");
        }
        List<Message> messages = messages(body.get("messages"));
        return new ChatRequest(
                model.asText(),
                messages,
                format(body.get("response_format")),
                maxTokens(body),
                flag(body, "stream"),
                includeUsage(body.get("stream_options")));
    }

    RequestKind kind() {
        boolean image = messages.stream().flatMap(m -> m.parts().stream()).anyMatch(Part.ImageUrl.class::isInstance);
        return image ? RequestKind.VISION : RequestKind.ANSWER;
    }

    /** The last image of the conversation: earlier ones may be few-shot examples, the last is the one asked about. */
    Optional<String> lastImageUrl() {
        String url = null;
        for (Message message : messages) {
            for (Part part : message.parts()) {
                if (part instanceof Part.ImageUrl image) {
                    url = image.url();
                }
            }
        }
        return Optional.ofNullable(url);
    }

    /** The system (or developer) instructions: the prefix a provider's prompt cache keys on. */
    String systemText() {
        return messages.stream()
                .filter(m -> m.role().equals("system") || m.role().equals("developer"))
                .map(Message::text)
                .collect(Collectors.joining("\n"));
    }

    String lastUserText() {
        for (int i = messages.size() - 1; i >= 0; i--) {
            if (messages.get(i).role().equals("user")) {
                return messages.get(i).text();
            }
        }
        return "";
    }

    private static List<Message> messages(JsonNode messages) {
        if (messages == null || messages.isNull()) {
            throw new InvalidRequestException("Missing required parameter: 'messages'.", "messages");
        }
        if (!messages.isArray() || messages.isEmpty()) {
            throw new InvalidRequestException("'messages' must be a non-empty array.", "messages");
        }
        List<Message> parsed = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            parsed.add(message(messages.get(i), "messages[" + i + "]"));
        }
        return parsed;
    }

    private static Message message(JsonNode message, String where) {
        if (!message.isObject()) {
            throw new InvalidRequestException("Invalid type for '" + where + "': expected an object.", where);
        }
        JsonNode role = message.get("role");
        if (role == null || !role.isTextual() || !ROLES.contains(role.asText())) {
            throw new InvalidRequestException(
                    "Invalid value for '" + where + ".role': expected one of "
                            + "'system', 'developer', 'user', 'assistant' or 'tool'.",
                    where + ".role");
        }
        JsonNode content = message.get("content");
        List<Part> parts = new ArrayList<>();
        if (content == null || content.isNull()) {
            // Only an assistant turn that called a tool may have no content.
            if (!role.asText().equals("assistant")) {
                throw new InvalidRequestException(
                        "Missing required parameter: '" + where + ".content'.", where + ".content");
            }
        } else if (content.isTextual()) {
            parts.add(new Part.Text(content.asText()));
        } else if (content.isArray()) {
            for (int i = 0; i < content.size(); i++) {
                parts.add(part(content.get(i), where + ".content[" + i + "]"));
            }
        } else {
            throw new InvalidRequestException(
                    "Invalid type for '" + where + ".content': expected a string or an array of content parts.",
                    where + ".content");
        }
        return new Message(role.asText(), parts);
    }

    private static Part part(JsonNode part, String where) {
        String type = part.path("type").asText("");
        switch (type) {
            case "text" -> {
                JsonNode text = part.get("text");
                if (text == null || !text.isTextual()) {
                    throw new InvalidRequestException(
                            "Missing required parameter: '" + where + ".text'.", where + ".text");
                }
                return new Part.Text(text.asText());
            }
            case "image_url" -> {
                JsonNode url = part.path("image_url").get("url");
                if (url == null || !url.isTextual() || url.asText().isBlank()) {
                    throw new InvalidRequestException(
                            "Missing required parameter: '" + where + ".image_url.url'.", where + ".image_url.url");
                }
                return new Part.ImageUrl(url.asText());
            }
            default ->
                throw new InvalidRequestException(
                        "Invalid value for '" + where + ".type': expected 'text' or 'image_url', got '" + type + "'.",
                        where + ".type");
        }
    }

    private static ResponseFormat format(JsonNode format) {
        if (format == null || format.isNull()) {
            return new ResponseFormat.Text();
        }
        String type = format.path("type").asText("");
        return switch (type) {
            case "text" -> new ResponseFormat.Text();
            case "json_object" -> new ResponseFormat.JsonObject();
            case "json_schema" -> {
                JsonNode jsonSchema = format.get("json_schema");
                if (jsonSchema == null || !jsonSchema.isObject()) {
                    throw new InvalidRequestException(
                            "Missing required parameter: 'response_format.json_schema'.",
                            "response_format.json_schema");
                }
                JsonNode schema = jsonSchema.get("schema");
                if (schema == null || !schema.isObject()) {
                    throw new InvalidRequestException(
                            "'response_format.json_schema.schema' must be a JSON schema object.",
                            "response_format.json_schema.schema");
                }
                yield new ResponseFormat.JsonSchema(jsonSchema.path("name").asText("response"), schema);
            }
            default ->
                throw new InvalidRequestException(
                        "Invalid value for 'response_format.type': expected "
                                + "'text', 'json_object' or 'json_schema', got '" + type + "'.",
                        "response_format.type");
        };
    }

    private static OptionalInt maxTokens(JsonNode body) {
        for (String name : List.of("max_completion_tokens", "max_tokens")) {
            JsonNode value = body.get(name);
            if (value != null && !value.isNull()) {
                if (!value.canConvertToInt() || !value.isIntegralNumber() || value.asInt() < 1) {
                    throw new InvalidRequestException(
                            "Invalid value for '" + name + "': expected an integer >= 1.", name);
                }
                return OptionalInt.of(value.asInt());
            }
        }
        return OptionalInt.empty();
    }

    private static boolean flag(JsonNode body, String name) {
        JsonNode value = body.get(name);
        if (value == null || value.isNull()) {
            return false;
        }
        if (!value.isBoolean()) {
            throw new InvalidRequestException("Invalid type for '" + name + "': expected a boolean.", name);
        }
        return value.asBoolean();
    }

    private static boolean includeUsage(JsonNode options) {
        return options != null
                && options.isObject()
                && options.path("include_usage").asBoolean(false);
    }
}
