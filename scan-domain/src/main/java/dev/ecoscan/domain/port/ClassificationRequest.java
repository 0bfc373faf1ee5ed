package dev.ecoscan.domain.port;

import dev.ecoscan.domain.scan.Image;
import dev.ecoscan.domain.scan.ScanId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Input of the vision step: the scan's image, already loaded. The classifier must give up by
 * {@code deadline}.
 *
 * @param hold what the image is counted at in the image budget. A classifier may grow it by the
 *             copies of the image its request makes ({@link ImageHold#resizeTo}); the pipeline, which
 *             loaded the image, closes it when the classifier is done
 * @param scanId   the scan the image belongs to
 * @param image    the image, as its source loaded it
 * @param question the person's question, when they asked one
 * @param deadline when the classifier must give up
 */
public record ClassificationRequest(
        ScanId scanId, Image image, ImageHold hold, Optional<String> question, Instant deadline) {

    /** Checks that every part is present. */
    public ClassificationRequest {
        Objects.requireNonNull(scanId, "scanId");
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(hold, "hold");
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(deadline, "deadline");
    }
}
