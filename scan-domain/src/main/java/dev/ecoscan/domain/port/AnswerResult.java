package dev.ecoscan.domain.port;

import dev.ecoscan.domain.answer.Answer;
import dev.ecoscan.domain.scan.FailureKind;
import dev.ecoscan.domain.taxonomy.Texts;
import java.util.Objects;

/** What the answer step returned. */
public sealed interface AnswerResult {

    record Answered(Answer answer) implements AnswerResult {
        public Answered {
            Objects.requireNonNull(answer, "answer");
        }
    }

    record Failure(FailureKind kind, String detail) implements AnswerResult {
        public Failure {
            Objects.requireNonNull(kind, "kind");
            detail = Texts.requireText(detail, "detail");
        }
    }
}
