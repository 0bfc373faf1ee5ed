package dev.ecoscan.adapter.http;

import java.util.Optional;

/**
 * A static check of an {@code image_url} (scheme, host allow-list, syntax) so that an obviously
 * refused URL is answered 400 at once; the image source checks addresses again when it fetches.
 */
@FunctionalInterface
public interface ImageUrlCheck {

    /** Empty when the URL may be fetched, else why not. */
    Optional<String> refusal(String url);
}
