package dev.ecoscan.domain.taxonomy;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/** Small checks and normalisation for human-readable text in the model. */
public final class Texts {

    private Texts() {}

    /**
     * Returns the trimmed text, or throws when it is null or blank.
     *
     * @param value the text
     * @param what  what it is, for the error message
     * @return the text without surrounding space
     * @throws IllegalArgumentException when it is null or blank
     */
    public static String requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
        return value.strip();
    }

    /**
     * Returns an immutable copy of a list of non-blank, trimmed texts.
     *
     * @param values the texts
     * @param what   what each is, for the error message
     * @return the trimmed texts, unmodifiable
     * @throws IllegalArgumentException when one is null or blank
     */
    public static List<String> requireTexts(List<String> values, String what) {
        Objects.requireNonNull(values, what);
        return values.stream().map(v -> requireText(v, what + " entry")).toList();
    }

    /**
     * The form used to compare and search names and aliases: NFC, lower case, letters and digits only.
     * Spacing and punctuation carry no meaning in a name ("PET 병", "PET병", "pet-병" and the middle
     * dots Korean guides use interchangeably are one name), and people type them inconsistently.
     *
     * @param text a name as written
     * @return the name lower-cased, without spaces and punctuation
     */
    public static String comparable(String text) {
        String nfc = Normalizer.normalize(text, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(nfc.length());
        nfc.codePoints().filter(Character::isLetterOrDigit).forEach(out::appendCodePoint);
        return out.toString();
    }
}
