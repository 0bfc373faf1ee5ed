package dev.ecoscan.domain.taxonomy;

import java.util.regex.Pattern;

/** Checks the stable identifiers used for taxonomy nodes, tags and characters. */
public final class Slugs {

    /** Lower-case ASCII words joined by '-', optionally in dot-separated segments ("recyclable.clear-pet"). */
    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*(\\.[a-z0-9]+(-[a-z0-9]+)*)*");

    private static final int MAX_LENGTH = 80;

    private Slugs() {}

    /**
     * Returns {@code value} when it is a valid slug, else throws naming {@code what}.
     *
     * @param value the text to check
     * @param what  what it is, for the error message
     * @return {@code value}
     * @throws IllegalArgumentException when it is not a lower-case slug
     */
    public static String require(String value, String what) {
        if (value == null || value.length() > MAX_LENGTH || !SLUG.matcher(value).matches()) {
            throw new IllegalArgumentException(what + " must be lower-case ascii words joined by '-' or '.', at most "
                    + MAX_LENGTH + " characters, but was '" + value + "'");
        }
        return value;
    }
}
