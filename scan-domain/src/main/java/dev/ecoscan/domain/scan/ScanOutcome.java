package dev.ecoscan.domain.scan;

import dev.ecoscan.domain.answer.Answer;
import dev.ecoscan.domain.reward.RewardOutcome;
import dev.ecoscan.domain.rule.DisposalRule;
import dev.ecoscan.domain.taxonomy.Classification;
import dev.ecoscan.domain.taxonomy.Texts;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How a scan ended. Every variant carries the person's question, so whoever renders an outcome needs
 * nothing beside it, and the timing of each of the four steps that ran.
 */
public sealed interface ScanOutcome {

    /**
     * The scan this is the outcome of.
     *
     * @return its id
     */
    ScanId scanId();

    /**
     * What the person asked with the photo, if anything (as {@link ScanRequest#question()}).
     *
     * @return the question, or empty
     */
    Optional<String> question();

    /**
     * One event per executed step, in the order they finished.
     *
     * @return the events; empty before the timings are filled in
     */
    List<StepEvent> timings();

    /**
     * The same outcome with the step timings filled in.
     *
     * @param timings one event per executed step
     * @return a copy of this outcome carrying them
     */
    ScanOutcome withTimings(List<StepEvent> timings);

    /**
     * All steps ran; the reward may still be unavailable or not earned.
     *
     * @param scanId         the scan
     * @param question       the person's question, if they asked one
     * @param classification what the item is
     * @param rule           the disposal rule found for it
     * @param answer         what to show the person
     * @param reward         what the scan earned
     * @param timings        one event per executed step
     */
    record Completed(
            ScanId scanId,
            Optional<String> question,
            Classification classification,
            DisposalRule rule,
            Answer answer,
            RewardOutcome reward,
            List<StepEvent> timings)
            implements ScanOutcome {
        /** Checks that every part is present and copies the timings. */
        public Completed {
            Objects.requireNonNull(scanId, "scanId");
            Objects.requireNonNull(question, "question");
            Objects.requireNonNull(classification, "classification");
            Objects.requireNonNull(rule, "rule");
            Objects.requireNonNull(answer, "answer");
            Objects.requireNonNull(reward, "reward");
            timings = List.copyOf(timings);
        }

        @Override
        public Completed withTimings(List<StepEvent> timings) {
            return new Completed(scanId, question, classification, rule, answer, reward, timings);
        }
    }

    /**
     * The scan stopped early for a reason that is not a fault: the image, the item or the knowledge
     * base did not allow an answer. No answer and no reward were attempted.
     *
     * @param classification the checked classification, when the scan got that far
     * @param scanId   the scan
     * @param question the person's question, if they asked one
     * @param reason   why no answer was possible
     * @param detail   a short explanation, safe to show
     * @param timings  one event per executed step
     */
    record Rejected(
            ScanId scanId,
            Optional<String> question,
            Rejection reason,
            String detail,
            Optional<Classification> classification,
            List<StepEvent> timings)
            implements ScanOutcome {
        /** Checks that every part is present and copies the timings. */
        public Rejected {
            Objects.requireNonNull(scanId, "scanId");
            Objects.requireNonNull(question, "question");
            Objects.requireNonNull(reason, "reason");
            detail = Texts.requireText(detail, "detail");
            Objects.requireNonNull(classification, "classification");
            timings = List.copyOf(timings);
        }

        @Override
        public Rejected withTimings(List<StepEvent> timings) {
            return new Rejected(scanId, question, reason, detail, classification, timings);
        }
    }

    /**
     * A step failed; the scan has no answer.
     *
     * @param scanId   the scan
     * @param question the person's question, if they asked one
     * @param step     the step that failed
     * @param kind     what went wrong, which decides the status the caller sees
     * @param detail   a short explanation for logs
     * @param timings  one event per executed step
     */
    record Failed(
            ScanId scanId,
            Optional<String> question,
            Step step,
            FailureKind kind,
            String detail,
            List<StepEvent> timings)
            implements ScanOutcome {
        /** Checks that every part is present and copies the timings. */
        public Failed {
            Objects.requireNonNull(scanId, "scanId");
            Objects.requireNonNull(question, "question");
            Objects.requireNonNull(step, "step");
            Objects.requireNonNull(kind, "kind");
            detail = Texts.requireText(detail, "detail");
            timings = List.copyOf(timings);
        }

        @Override
        public Failed withTimings(List<StepEvent> timings) {
            return new Failed(scanId, question, step, kind, detail, timings);
        }
    }
}
