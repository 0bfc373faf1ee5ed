package dev.ecoscan.bootstrap.logging;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.ecoscan.bootstrap.config.Secrets;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
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

    private static final JsonFactory JSON = new JsonFactory();
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
        return new String(encode(false), StandardCharsets.UTF_8);
    }

    /** The line as one JSON object and a line end, in UTF-8: what a log appender writes. */
    public byte[] jsonLine() {
        return encode(true);
    }

    /**
     * Written field by field with a streaming generator, straight to bytes: every scan logs a line, and
     * a node tree built only to be written once, then a String encoded again, was work for nothing.
     */
    private byte[] encode(boolean lineEnd) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (JsonGenerator out = JSON.createGenerator(bytes)) {
            out.writeStartObject();
            out.writeStringField("time", time.toString());
            out.writeStringField("level", level.name());
            out.writeStringField("logger", logger);
            out.writeStringField("thread", thread);
            out.writeStringField("message", Secrets.redact(message));
            for (Map.Entry<String, Object> field : fields.entrySet()) {
                if (!FIXED.contains(field.getKey())) {
                    out.writeFieldName(field.getKey());
                    write(out, field.getValue());
                }
            }
            if (error.isPresent()) {
                out.writeStringField("error", Secrets.redact(error.get()));
            }
            out.writeEndObject();
        } catch (IOException e) {
            // A byte array does not fail; the generator only declares that a stream might.
            throw new UncheckedIOException(e);
        }
        if (lineEnd) {
            bytes.write('\n');
        }
        return bytes.toByteArray();
    }

    /** Text, numbers, booleans, maps and lists as themselves; anything else as its text. */
    private static void write(JsonGenerator out, Object value) throws IOException {
        switch (value) {
            case null -> out.writeNull();
            case Integer number -> out.writeNumber(number);
            case Long number -> out.writeNumber(number);
            case Double number -> out.writeNumber(number);
            case Float number -> out.writeNumber(number);
            case Short number -> out.writeNumber(number);
            case Byte number -> out.writeNumber(number);
            case BigDecimal number -> out.writeNumber(number);
            case BigInteger number -> out.writeNumber(number);
            // AtomicLong and the like: their text is the number.
            case Number number -> out.writeNumber(number.toString());
            case Boolean bool -> out.writeBoolean(bool);
            case Map<?, ?> map -> {
                out.writeStartObject();
                for (Map.Entry<?, ?> inner : map.entrySet()) {
                    out.writeFieldName(String.valueOf(inner.getKey()));
                    write(out, inner.getValue());
                }
                out.writeEndObject();
            }
            case Collection<?> list -> {
                out.writeStartArray();
                for (Object inner : list) {
                    write(out, inner);
                }
                out.writeEndArray();
            }
            default -> out.writeString(Secrets.redact(String.valueOf(value)));
        }
    }
}
