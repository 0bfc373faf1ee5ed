package dev.ecoscan.domain.scan;

/** Why a step failed. Each maps to one HTTP status and problem code in the service. */
public enum FailureKind {
    /** The scan's deadline passed before the step finished. */
    DEADLINE_EXCEEDED,
    /** The provider behind a port was unreachable, overloaded or answered with an error. */
    UPSTREAM_UNAVAILABLE,
    /** The provider did not answer within the step's own timeout (it hung or was too slow). */
    UPSTREAM_TIMEOUT,
    /** The provider answered, but not with anything usable, even after a repair attempt. */
    INVALID_OUTPUT,
    /**
     * eco-scan holds as many image bytes as its memory budget allows, so it did not take this scan's
     * image: nothing is broken, and the scan can succeed when retried shortly.
     */
    OVERLOADED,
    /**
     * The instance stopped (SIGTERM's drain ran out of grace) before the scan finished: nothing is
     * wrong with the scan, which another instance can run again.
     */
    SHUT_DOWN,
    /** A port threw: a bug. */
    INTERNAL_ERROR
}
