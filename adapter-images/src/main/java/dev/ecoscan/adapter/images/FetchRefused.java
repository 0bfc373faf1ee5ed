package dev.ecoscan.adapter.images;

/** Why an image is not loaded; thrown only inside this adapter and turned into {@code Unreadable} at the port. */
final class FetchRefused extends Exception {

    FetchRefused(String reason) {
        // A refusal is an expected answer, not a fault: no stack trace to fill in.
        super(reason, null, false, false);
    }
}
