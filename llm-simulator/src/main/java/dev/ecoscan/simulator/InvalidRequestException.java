package dev.ecoscan.simulator;

import java.util.Optional;

/** A request the OpenAI API would refuse with 400; {@code param} names the offending field, as OpenAI does. */
final class InvalidRequestException extends RuntimeException {

    private final String param;

    /** @param param the field at fault, or null when the body as a whole is */
    InvalidRequestException(String message, String param) {
        super(message);
        this.param = param;
    }

    Optional<String> param() {
        return Optional.ofNullable(param);
    }
}
