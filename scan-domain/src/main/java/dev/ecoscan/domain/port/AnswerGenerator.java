package dev.ecoscan.domain.port;

/** Writes the answer for a classified item from its rule (the {@code answer} step). */
public interface AnswerGenerator {

    /**
     * Writes the answer, by the request's deadline.
     *
     * @param request the classified item, its rule and the person's question
     * @return the answer, or a typed failure; never throws for expected trouble
     */
    AnswerResult answer(AnswerRequest request);
}
