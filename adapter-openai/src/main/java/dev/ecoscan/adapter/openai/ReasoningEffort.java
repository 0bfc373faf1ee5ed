package dev.ecoscan.adapter.openai;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** OpenAI's {@code reasoning_effort}: how long a reasoning model thinks before it answers. */
public enum ReasoningEffort {
    NONE,
    MINIMAL,
    LOW,
    MEDIUM,
    HIGH;

    /** The value on the wire and in settings. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ReasoningEffort> parse(String text) {
        return Arrays.stream(values())
                .filter(effort -> effort.wire().equals(text))
                .findFirst();
    }
}
