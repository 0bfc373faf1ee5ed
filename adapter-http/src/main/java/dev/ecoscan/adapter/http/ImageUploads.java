package dev.ecoscan.adapter.http;

import dev.ecoscan.application.images.ImageBudget;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * What a photo uploaded as {@code multipart/form-data} must be: at most {@code maxImageBytes}, of an
 * accepted type by its first bytes, and counted in the image budget, when there is one, from its first
 * byte read until the scan (or the job's submission) is done with it. Bootstrap hands over the images
 * adapter's rules ({@code policy::imageType}), as it does for image URLs.
 *
 * @param maxImageBytes the largest image accepted
 * @param imageType     the accepted media type the bytes start with, or empty
 * @param acceptedTypes the accepted types for people, e.g. "a PNG, JPEG, GIF or WebP image"
 * @param budget        the bound on image bytes in flight, if any
 */
public record ImageUploads(
        int maxImageBytes,
        Function<byte[], Optional<String>> imageType,
        String acceptedTypes,
        Optional<ImageBudget> budget) {

    /**
     * Room in a body beyond the image: the boundaries, each part's headers (a file name can be long)
     * and a question of at most 500 characters (2,000 bytes of UTF-8).
     */
    static final int PART_ALLOWANCE = 16 * 1024;

    public ImageUploads {
        if (maxImageBytes < 1) {
            throw new IllegalArgumentException("an upload must be allowed at least one byte");
        }
        Objects.requireNonNull(imageType, "imageType");
        Objects.requireNonNull(acceptedTypes, "acceptedTypes");
        Objects.requireNonNull(budget, "budget");
    }

    /** The largest multipart body read: the image and the allowance for everything around it. */
    int maxBodyBytes() {
        return maxImageBytes + PART_ALLOWANCE;
    }
}
