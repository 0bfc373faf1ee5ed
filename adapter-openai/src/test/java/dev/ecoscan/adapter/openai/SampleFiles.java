package dev.ecoscan.adapter.openai;

import dev.ecoscan.domain.port.ClassificationRequest;
import dev.ecoscan.domain.port.ImageHold;
import dev.ecoscan.domain.port.ImageLoad;
import dev.ecoscan.domain.port.ImageSource;
import dev.ecoscan.domain.scan.Image;
import dev.ecoscan.domain.scan.ImageReference;
import dev.ecoscan.domain.scan.ScanId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/** The repository's sample images, an image source that reads them, and vision requests for them as the pipeline makes them. */
final class SampleFiles {

    static final Path SAMPLES = Path.of(System.getProperty("eco-scan.samples", "../samples"));

    private SampleFiles() {}

    /** A sample PNG, e.g. {@code milk-carton.png}. */
    static Image image(String sample) {
        try {
            return new Image(Files.readAllBytes(SAMPLES.resolve(sample)), "image/png");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An image source that reads {@link ImageReference.File} references from disk, as PNGs. */
    static ImageSource files() {
        return reference -> {
            try {
                return new ImageLoad.Loaded(
                        new Image(Files.readAllBytes(((ImageReference.File) reference).path()), "image/png"));
            } catch (IOException e) {
                return new ImageLoad.Unreadable("cannot read " + reference.describe());
            }
        };
    }

    /** A vision request for a sample, loaded and held by nothing, without a question. */
    static ClassificationRequest vision(String sample, Instant deadline) {
        return vision(ScanId.random(), sample, deadline);
    }

    static ClassificationRequest vision(ScanId scan, String sample, Instant deadline) {
        return new ClassificationRequest(scan, image(sample), ImageHold.NONE, Optional.empty(), deadline);
    }
}
