package dev.ecoscan.domain.port;

import dev.ecoscan.domain.answer.Answer;
import dev.ecoscan.domain.scan.FailureKind;
import dev.ecoscan.domain.taxonomy.Texts;
import java.util.Objects;

/** What the answer step returned. */
public sealed interface AnswerResult {

    /**
     * The generator wrote a valid answer.
     *
     * @param answer what to show the person
     */
    record Answered(Answer answer) implements AnswerResult {
        /** Checks that the answer is present. */
        public Answered {
            Objects.requireNonNull(answer, "answer");
        }
    }

    /**
     * The generator could not write an answer.
     *
     * @param kind   what went wrong, which decides the status the caller sees
     * @param detail a short explanation for logs, never shown to the person
     */
    record Failure(FailureKind kind, String detail) implements AnswerResult {
        /** Checks that the kind and a detail are present. */
        public Failure {
            Objects.requireNonNull(kind, "kind");
            detail = Texts.requireText(detail, "detail");
        }
    }
}
