package dev.ecoscan.adapter.character;

/**
 * A call to the character service that gave no usable reply. The message is a short reason meant for
 * people (it becomes {@code RewardOutcome.Unavailable}'s reason), and never holds the service token.
 */
final class RemoteCallFailed extends Exception {

    private final boolean retryable;

    RemoteCallFailed(String reason, boolean retryable) {
        // No stack trace: the reason says all there is to say, and these are expected events.
        super(reason, null, false, false);
        this.retryable = retryable;
    }

    /** Whether another attempt could succeed: a connect error, a timeout or a 5xx, unlike a 4xx or a bad reply. */
    boolean retryable() {
        return retryable;
    }

    String reason() {
        return getMessage();
    }

    /** The same failure, saying how many attempts were made when there was more than one. */
    RemoteCallFailed afterAttempts(int attempts) {
        return attempts > 1 ? new RemoteCallFailed(reason() + " after " + attempts + " attempts", retryable) : this;
    }
}
