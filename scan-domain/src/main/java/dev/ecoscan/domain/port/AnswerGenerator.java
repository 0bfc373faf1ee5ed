package dev.ecoscan.domain.port;

/** Writes the answer for a classified item from its rule (the {@code answer} step). */
public interface AnswerGenerator {

    AnswerResult answer(AnswerRequest request);
}
