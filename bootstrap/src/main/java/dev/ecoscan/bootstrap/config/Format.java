package dev.ecoscan.bootstrap.config;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * How a setting's text is read into its value, and what it accepts, in words for the message that
 * stops start-up when a value does not fit.
 *
 * @param accepts what the setting accepts, e.g. "a duration such as 55s, 2m or 1500ms"
 * @param reader  the value of a text, or empty when the text is not one the setting accepts
 */
public record Format<T>(String accepts, Function<String, Optional<T>> reader) {

    public Format {
        Objects.requireNonNull(accepts, "accepts");
        Objects.requireNonNull(reader, "reader");
    }

    /** A format whose parser throws {@link IllegalArgumentException} (or returns null) for a text it refuses. */
    static <T> Format<T> parsing(String accepts, Function<String, T> parser) {
        return new Format<>(accepts, text -> {
            try {
                return Optional.ofNullable(parser.apply(text));
            } catch (IllegalArgumentException | ArithmeticException e) {
                return Optional.empty();
            }
        });
    }

    /** The value of a (stripped) text, or empty when this format refuses it. */
    public Optional<T> read(String text) {
        return reader.apply(text.strip());
    }

    /** The same format with its values also checked by {@code valid}, and {@code accepts} said instead. */
    Format<T> where(String accepts, Predicate<T> valid) {
        return new Format<>(accepts, text -> reader.apply(text).filter(valid));
    }
}
