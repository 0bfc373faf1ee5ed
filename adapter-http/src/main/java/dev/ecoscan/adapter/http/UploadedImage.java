package dev.ecoscan.adapter.http;

import dev.ecoscan.domain.port.ImageHold;
import dev.ecoscan.domain.scan.ImageReference;
import java.util.Optional;

/**
 * A photo read from a {@code multipart/form-data} body, with the question sent beside it and the
 * hold that counts its bytes in the image budget: whoever takes it closes the hold.
 *
 * @param image    the bytes, of the type their first bytes show
 * @param question the {@code question} field as sent (not yet checked), if any
 * @param hold     the image's place in the budget
 */
record UploadedImage(ImageReference.Inline image, Optional<String> question, ImageHold hold) {}
