package dev.ecoscan.adapter.openai;

import dev.ecoscan.domain.port.Image;
import dev.ecoscan.domain.port.ImageLoad;
import dev.ecoscan.domain.port.ImageSource;
import dev.ecoscan.domain.scan.ImageReference;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The repository's sample images, and an image source that reads them from disk as the adapters' tests need. */
final class SampleFiles {

    static final Path SAMPLES = Path.of(System.getProperty("eco-scan.samples", "../samples"));

    private SampleFiles() {}

    /** Reads {@link ImageReference.File} references as PNGs; anything unreadable is an unreadable image. */
    static ImageSource source() {
        return reference -> {
            try {
                return new ImageLoad.Loaded(
                        new Image(Files.readAllBytes(((ImageReference.File) reference).path()), "image/png"));
            } catch (IOException e) {
                return new ImageLoad.Unreadable("cannot read " + reference.describe());
            }
        };
    }
}
