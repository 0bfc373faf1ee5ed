package dev.ecoscan.domain.port;

import dev.ecoscan.domain.rule.DisposalRule;
import dev.ecoscan.domain.scan.ScanId;
import dev.ecoscan.domain.taxonomy.Classification;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Input of the answer step: only what the answer may be grounded in, and where to send the answer's
 * text as the model writes it ({@code stream}; a generator that has the whole answer at once may send
 * nothing).
 *
 * @param scanId         the scan the answer is for
 * @param classification what the item is, as the vision step resolved it
 * @param rule           the disposal rule the answer must follow
 * @param question       the person's question, when they asked one
 * @param deadline       when the generator must give up
 * @param stream         where to send the answer's text as it is written
 */
public record AnswerRequest(
        ScanId scanId,
        Classification classification,
        DisposalRule rule,
        Optional<String> question,
        Instant deadline,
        AnswerStream stream) {

    /** Checks that every part is present. */
    public AnswerRequest {
        Objects.requireNonNull(scanId, "scanId");
        Objects.requireNonNull(classification, "classification");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(deadline, "deadline");
        Objects.requireNonNull(stream, "stream");
    }

    /**
     * A request whose answer nobody reads before it is finished.
     *
     * @param scanId         the scan the answer is for
     * @param classification what the item is
     * @param rule           the disposal rule the answer must follow
     * @param question       the person's question, when they asked one
     * @param deadline       when the generator must give up
     */
    public AnswerRequest(
            ScanId scanId,
            Classification classification,
            DisposalRule rule,
            Optional<String> question,
            Instant deadline) {
        this(scanId, classification, rule, question, deadline, AnswerStream.NONE);
    }
}
