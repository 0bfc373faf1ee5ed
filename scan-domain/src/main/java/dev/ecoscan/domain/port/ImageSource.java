package dev.ecoscan.domain.port;

import dev.ecoscan.domain.scan.ImageReference;

/** Loads the bytes of an image reference, refusing what it must not or cannot read. */
public interface ImageSource {

    /**
     * Loads one image.
     *
     * @param reference where the image is (a URL or a local file)
     * @return the loaded image, or why it was not loaded; never throws for expected trouble
     */
    ImageLoad load(ImageReference reference);
}
