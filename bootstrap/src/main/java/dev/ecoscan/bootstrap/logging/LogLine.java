package dev.ecoscan.bootstrap.logging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecoscan.bootstrap.config.Secrets;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.event.Level;

/**
 * One log line: {@code time}, {@code level}, {@code logger}, {@code thread}, {@code message}, then
 * the event's own fields ({@code task_id}, {@code steps}, ...) at the top level, then {@code error}
 * (a stack trace) if there was one. Every text is redacted before it is encoded, so that a secret
 * holding a quote or a backslash is found before JSON escapes it.
 */
public record LogLine(
        Instant time,
        Level level,
        String logger,
        String thread,
        String message,
        Map<String, Object> fields,
        Optional<String> error) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Names a field cannot take: an event's own key never hides when or where it was logged. */
    private static final Set<String> FIXED = Set.of("time", "level", "logger", "thread", "message", "error");

    public LogLine {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(logger, "logger");
        Objects.requireNonNull(thread, "thread");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(error, "error");
        // A copy that keeps the order the fields were added in, and allows a null value.
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /** A line logged now, on this thread, without fields or error. */
    public static LogLine now(Level level, String logger, String message) {
        return new LogLine(
                Instant.now(), level, logger, Thread.currentThread().getName(), message, Map.of(), Optional.empty());
    }

    /** The same line with a stack trace. */
    public LogLine withError(String trace) {
        return new LogLine(time, level, logger, thread, message, fields, Optional.of(trace));
    }

    /** The line as one JSON object, without a line end. */
    public String json() {
        ObjectNode line = NODES.objectNode();
        line.put("time", time.toString());
        line.put("level", level.name());
        line.put("logger", logger);
        line.put("thread", thread);
        line.put("message", Secrets.redact(message));
        fields.forEach((key, value) -> {
            if (!FIXED.contains(key)) {
                line.set(key, node(value));
            }
        });
        error.ifPresent(trace -> line.put("error", Secrets.redact(trace)));
        return line.toString();
    }

    /** Text, numbers, booleans, maps and lists as themselves; anything else as its text. */
    private static JsonNode node(Object value) {
        return switch (value) {
            case null -> NODES.nullNode();
            case Number number -> JSON.valueToTree(number);
            case Boolean bool -> NODES.booleanNode(bool);
            case Map<?, ?> map -> {
                ObjectNode object = NODES.objectNode();
                map.forEach((key, inner) -> object.set(String.valueOf(key), node(inner)));
                yield object;
            }
            case Collection<?> list -> {
                ArrayNode array = NODES.arrayNode();
                list.forEach(inner -> array.add(node(inner)));
                yield array;
            }
            default -> NODES.textNode(Secrets.redact(String.valueOf(value)));
        };
    }
}
