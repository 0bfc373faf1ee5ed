package dev.ecoscan.domain.port;

/**
 * The memory a loaded image is counted at in the service's image budget, from the moment its source
 * reserved it until whoever holds the image closes it. The count follows the image as it changes form
 * (encoded, decoded, re-encoded, copied into a request): growing may be refused, shrinking never is.
 */
public interface ImageHold extends AutoCloseable {

    /** Counts nothing, and any size is fine: for images no budget tracks (tests, fakes). */
    ImageHold NONE = new Untracked();

    /** The hold behind {@link #NONE}: a record, since a port package holds contracts and their records only. */
    record Untracked() implements ImageHold {
        @Override
        public long bytes() {
            return 0;
        }

        @Override
        public boolean resizeTo(long bytes) {
            return true;
        }

        @Override
        public void close() {}

        @Override
        public String toString() {
            return "ImageHold.NONE";
        }
    }

    /**
     * The bytes counted now.
     *
     * @return the count, 0 once closed
     */
    long bytes();

    /**
     * Counts {@code bytes} from now on. False, leaving the count as it was, when the budget cannot take
     * the growth now (it never waits) or the hold is closed. Shrinking always succeeds.
     *
     * @param bytes the new size of the image in memory
     * @return whether the count is now {@code bytes}
     */
    boolean resizeTo(long bytes);

    /** Gives the bytes back to the budget; later calls do nothing. */
    @Override
    void close();
}
