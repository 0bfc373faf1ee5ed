package dev.ecoscan.bootstrap.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How answers are written: by the model, from the rule's template, or the template unless there is a question. */
public enum AnswerStrategy {
    LLM,
    TEMPLATE,
    HYBRID;

    /** The word in settings and in the banner. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<AnswerStrategy> parse(String text) {
        return Arrays.stream(values()).filter(s -> s.word().equals(text)).findFirst();
    }
}
