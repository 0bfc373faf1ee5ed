package dev.ecoscan.application.answer;

import dev.ecoscan.domain.port.AnswerGenerator;
import dev.ecoscan.domain.port.AnswerRequest;
import dev.ecoscan.domain.port.AnswerResult;
import java.util.Objects;

/**
 * The {@code hybrid} answer strategy: the template when the person asked nothing (the rule says it
 * all, at no cost), the model when there is a question to answer.
 */
public final class HybridAnswerGenerator implements AnswerGenerator {

    private final AnswerGenerator template;
    private final AnswerGenerator model;

    /**
     * Answers with {@code template} when no question was asked, else with {@code model}.
     *
     * @param template the rule's own answer, instant and free
     * @param model    the answer model, for a question
     */
    public HybridAnswerGenerator(AnswerGenerator template, AnswerGenerator model) {
        this.template = Objects.requireNonNull(template, "template");
        this.model = Objects.requireNonNull(model, "model");
    }

    @Override
    public AnswerResult answer(AnswerRequest request) {
        return request.question().isPresent() ? model.answer(request) : template.answer(request);
    }
}
