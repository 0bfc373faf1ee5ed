package dev.ecoscan.domain.port;

import dev.ecoscan.domain.rule.DisposalRule;
import dev.ecoscan.domain.scan.ScanId;
import dev.ecoscan.domain.taxonomy.Classification;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** Input of the answer step: only what the answer may be grounded in. */
public record AnswerRequest(
        ScanId scanId, Classification classification, DisposalRule rule, Optional<String> question, Instant deadline) {

    public AnswerRequest {
        Objects.requireNonNull(scanId, "scanId");
        Objects.requireNonNull(classification, "classification");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(deadline, "deadline");
    }
}
