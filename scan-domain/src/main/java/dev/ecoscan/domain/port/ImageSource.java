package dev.ecoscan.domain.port;

import dev.ecoscan.domain.scan.ImageReference;

/** Loads the bytes of an image reference, refusing what it must not or cannot read. */
public interface ImageSource {

    ImageLoad load(ImageReference reference);
}
