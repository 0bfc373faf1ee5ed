package dev.ecoscan.adapter.openai;

import java.time.Duration;

/**
 * How long one step's calls may take and how long their replies may be, on every endpoint.
 *
 * @param connectTimeout  time to open a connection
 * @param readTimeout     time to wait for the whole reply of one call (the scan's deadline bounds it too)
 * @param maxOutputTokens cap on the reply, sent as {@code max_completion_tokens} (or {@code max_tokens})
 */
public record StepLimits(Duration connectTimeout, Duration readTimeout, int maxOutputTokens) {

    public StepLimits {
        requirePositive(connectTimeout, "connect timeout");
        requirePositive(readTimeout, "read timeout");
        if (maxOutputTokens < 16) {
            throw new IllegalArgumentException("max output tokens must be at least 16, was " + maxOutputTokens);
        }
    }

    private static void requirePositive(Duration duration, String what) {
        if (duration == null || duration.isZero() || duration.isNegative()) {
            throw new IllegalArgumentException(what + " must be positive");
        }
    }
}
