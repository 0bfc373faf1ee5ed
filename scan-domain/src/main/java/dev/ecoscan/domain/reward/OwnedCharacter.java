package dev.ecoscan.domain.reward;

import java.time.Instant;
import java.util.Objects;

/**
 * A character a user owns, and when it was granted.
 *
 * @param character  the character owned
 * @param receivedAt when it was granted
 */
public record OwnedCharacter(Character character, Instant receivedAt) {

    /** Checks that both parts are present. */
    public OwnedCharacter {
        Objects.requireNonNull(character, "character");
        Objects.requireNonNull(receivedAt, "receivedAt");
    }
}
