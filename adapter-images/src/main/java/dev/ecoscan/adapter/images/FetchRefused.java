package dev.ecoscan.adapter.images;

/**
 * Why an image is not loaded; thrown only inside this adapter and turned into {@code Unreadable} at
 * the port, or {@code Overloaded} when the image budget, not the image, was the reason.
 */
final class FetchRefused extends Exception {

    private final boolean overloaded;

    FetchRefused(String reason) {
        this(reason, false);
    }

    private FetchRefused(String reason, boolean overloaded) {
        // A refusal is an expected answer, not a fault: no stack trace to fill in.
        super(reason, null, false, false);
        this.overloaded = overloaded;
    }

    /** The image budget is full right now; the same image may load shortly. */
    static FetchRefused overloaded(String reason) {
        return new FetchRefused(reason, true);
    }

    boolean overloaded() {
        return overloaded;
    }
}
