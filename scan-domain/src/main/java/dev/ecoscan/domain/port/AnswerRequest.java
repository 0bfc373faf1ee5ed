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
 */
public record AnswerRequest(
        ScanId scanId,
        Classification classification,
        DisposalRule rule,
        Optional<String> question,
        Instant deadline,
        AnswerStream stream) {

    public AnswerRequest {
        Objects.requireNonNull(scanId, "scanId");
        Objects.requireNonNull(classification, "classification");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(deadline, "deadline");
        Objects.requireNonNull(stream, "stream");
    }

    /** A request whose answer nobody reads before it is finished. */
    public AnswerRequest(
            ScanId scanId,
            Classification classification,
            DisposalRule rule,
            Optional<String> question,
            Instant deadline) {
        this(scanId, classification, rule, question, deadline, AnswerStream.NONE);
    }
}
