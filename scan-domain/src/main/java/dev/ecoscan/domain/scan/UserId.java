package dev.ecoscan.domain.scan;

import dev.ecoscan.domain.taxonomy.Texts;

/**
 * The person scanning; a UUID from the JWT's {@code sub} in the service, any short id when embedded.
 *
 * @param value the id, short and printable
 */
public record UserId(String value) {

    private static final int MAX_LENGTH = 128;

    /** Checks that the id is short and printable. */
    public UserId {
        value = Texts.requireText(value, "user id");
        if (value.length() > MAX_LENGTH || value.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("user id must be at most " + MAX_LENGTH + " printable characters");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
