package dev.ecoscan.domain.port;

import dev.ecoscan.domain.scan.Image;
import dev.ecoscan.domain.taxonomy.Texts;
import java.util.Objects;

/**
 * The result of loading an image. Whoever loads an image closes the load when done with the image
 * (the pipeline: when the vision call has ended, however it ended), so the memory it was counted at
 * goes back to the image budget.
 */
public sealed interface ImageLoad extends AutoCloseable {

    /** Gives back what the load holds in the image budget; only a {@link Loaded} holds anything. */
    @Override
    default void close() {}

    /**
     * The image was read and is held in memory.
     *
     * @param image the image's bytes and type
     * @param hold  what the image is counted at in the image budget, {@link ImageHold#NONE} when nothing counts it
     */
    record Loaded(Image image, ImageHold hold) implements ImageLoad {
        /** Checks that the image and its hold are present. */
        public Loaded {
            Objects.requireNonNull(image, "image");
            Objects.requireNonNull(hold, "hold");
        }

        /**
         * An image no budget counts (tests, fakes).
         *
         * @param image the image's bytes and type
         */
        public Loaded(Image image) {
            this(image, ImageHold.NONE);
        }

        @Override
        public void close() {
            hold.close();
        }
    }

    /**
     * Missing, too large, not an image, or refused (an address the service must not fetch).
     *
     * @param reason why, in words safe to show the caller
     */
    record Unreadable(String reason) implements ImageLoad {
        /** Checks that a reason is given. */
        public Unreadable {
            reason = Texts.requireText(reason, "reason");
        }
    }

    /**
     * The service holds as many image bytes as its memory budget allows, so this image was not loaded
     * (or not kept). Nothing is wrong with the image: the same request can succeed shortly.
     *
     * @param reason which limit was reached, for logs
     */
    record Overloaded(String reason) implements ImageLoad {
        /** Checks that a reason is given. */
        public Overloaded {
            reason = Texts.requireText(reason, "reason");
        }
    }
}
