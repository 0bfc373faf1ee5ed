package dev.ecoscan.simulator;

import java.util.Locale;

/** What a chat completion request asks for: classifying an image, or writing an answer. */
public enum RequestKind {
    /** Any message carries an {@code image_url} part. */
    VISION,
    /** Text only. */
    ANSWER;

    /**
     * The key in {@code /stats}.
     *
     * @return the lower-case key, e.g. {@code vision}
     */
    public String statsName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
