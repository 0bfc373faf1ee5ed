package dev.ecoscan.domain.port;

import dev.ecoscan.domain.scan.AnswerDelta;

/**
 * Where an answer generator sends the answer's text while the model writes it. Called on the
 * generator's threads, so implementations must be quick and thread-safe, and must not throw.
 */
@FunctionalInterface
public interface AnswerStream {

    /**
     * Nobody reads the answer before it is finished: a generator may then skip streaming altogether
     * (which is why this is one shared instance).
     */
    AnswerStream NONE = delta -> {};

    /**
     * Passes on the text written since the last call.
     *
     * @param delta the next piece of the answer's text
     */
    void send(AnswerDelta delta);
}
