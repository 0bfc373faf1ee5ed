package dev.ecoscan.adapter.http;

import dev.ecoscan.domain.scan.UserId;

/**
 * The character routes' work, in their wire format: bootstrap fills it from the rewards adapter,
 * which owns that format, so this adapter serves it without depending on the other.
 */
public interface CharacterService {

    /**
     * Answers {@code POST /api/v1/internal/characters/rewards}: the reward object for a request body.
     *
     * @throws IllegalArgumentException when the body is not a valid reward request (answered 400)
     */
    byte[] reward(byte[] requestBody);

    /**
     * The characters a user owns, as a JSON list, oldest first.
     *
     * @throws dev.ecoscan.domain.port.CharacterCollection.CollectionUnavailableException when they
     *         cannot be read (answered 503)
     */
    byte[] owned(UserId user);
}
