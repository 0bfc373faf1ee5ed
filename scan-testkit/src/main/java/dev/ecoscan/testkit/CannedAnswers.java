package dev.ecoscan.testkit;

import dev.ecoscan.application.answer.TemplateAnswerGenerator;
import dev.ecoscan.domain.answer.Answer;
import dev.ecoscan.domain.port.AnswerGenerator;
import dev.ecoscan.domain.port.AnswerRequest;
import dev.ecoscan.domain.port.AnswerResult;
import dev.ecoscan.domain.scan.FailureKind;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/** Answers without a model: a fixed answer, the template answer from the rule, or a failure. Remembers requests. */
public final class CannedAnswers implements AnswerGenerator {

    private final Function<AnswerRequest, AnswerResult> script;
    private final List<AnswerRequest> requests = new CopyOnWriteArrayList<>();

    /**
     * Answers each request as {@code script} says.
     *
     * @param script the result for a request
     */
    public CannedAnswers(Function<AnswerRequest, AnswerResult> script) {
        this.script = Objects.requireNonNull(script, "script");
    }

    /**
     * Gives the same answer to every request.
     *
     * @param answer the answer
     * @return the generator
     */
    public static CannedAnswers of(Answer answer) {
        Objects.requireNonNull(answer, "answer");
        return new CannedAnswers(request -> new AnswerResult.Answered(answer));
    }

    /**
     * An answer with nothing left to fix. (The reward follows from the classification, not from this.)
     *
     * @return a generator giving that answer to every request
     */
    public static CannedAnswers clean() {
        return of(new Answer("깨끗하게 잘 준비됐어요.", List.of("규칙대로 배출하세요."), List.of()));
    }

    /**
     * An answer listing something still to fix; it is shown to the person but does not decide the reward.
     *
     * @param insufficiency what the answer says is still to fix
     * @return a generator giving that answer to every request
     */
    public static CannedAnswers withInsufficiency(String insufficiency) {
        return of(new Answer("한 가지만 더 챙겨 주세요.", List.of("규칙대로 배출하세요."), List.of(insufficiency)));
    }

    /**
     * Answers from the matched rule and the situation tags: the real {@code template} strategy.
     *
     * @return a generator using the template strategy
     */
    public static CannedAnswers fromRule() {
        return new CannedAnswers(new TemplateAnswerGenerator()::answer);
    }

    /**
     * Fails every request.
     *
     * @param kind what the failure says went wrong
     * @return a generator that always fails
     */
    public static CannedAnswers failing(FailureKind kind) {
        return new CannedAnswers(request -> new AnswerResult.Failure(kind, "scripted " + kind + " failure"));
    }

    @Override
    public AnswerResult answer(AnswerRequest request) {
        requests.add(request);
        return script.apply(request);
    }

    /**
     * Every request the pipeline made, in order.
     *
     * @return the requests
     */
    public List<AnswerRequest> requests() {
        return List.copyOf(requests);
    }

    /**
     * How many times the pipeline asked for an answer.
     *
     * @return the number of requests
     */
    public int calls() {
        return requests.size();
    }
}
