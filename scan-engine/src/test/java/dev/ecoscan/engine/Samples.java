package dev.ecoscan.engine;

import dev.ecoscan.domain.scan.ImageReference;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The repository's sample photos, as the inline images an embedding service would pass. */
final class Samples {

    private static final Path SAMPLES = Path.of(System.getProperty("eco-scan.samples", "../samples"));

    private Samples() {}

    static ImageReference.Inline inline(String sample) {
        try {
            return new ImageReference.Inline(Files.readAllBytes(SAMPLES.resolve(sample)), "image/png");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
