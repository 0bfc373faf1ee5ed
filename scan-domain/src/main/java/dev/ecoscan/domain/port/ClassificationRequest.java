package dev.ecoscan.domain.port;

import dev.ecoscan.domain.scan.ImageReference;
import dev.ecoscan.domain.scan.ScanId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** Input of the vision step. The classifier must give up by {@code deadline}. */
public record ClassificationRequest(ScanId scanId, ImageReference image, Optional<String> question, Instant deadline) {

    public ClassificationRequest {
        Objects.requireNonNull(scanId, "scanId");
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(deadline, "deadline");
    }
}
