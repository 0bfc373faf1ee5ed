package dev.ecoscan.domain.scan;

import java.util.Locale;

/** How a step ended, as seen by its timing decorator. */
public enum StepStatus {
    /** The step produced what the next step needs. */
    SUCCESS,
    /** The step answered, but its answer stops the scan (unreadable image, no rule, not eligible...). */
    REJECTED,
    /** The port returned a typed failure (provider down, invalid output). */
    FAILED,
    /** The port gave up at the scan's deadline. */
    TIMEOUT,
    /** The port threw: a bug or an unexpected error in an adapter. */
    ERROR;

    /**
     * The status as metrics and logs name it.
     *
     * @return the lower-case name, e.g. {@code timeout}
     */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
