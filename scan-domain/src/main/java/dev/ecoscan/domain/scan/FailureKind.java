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
    /** A port threw: a bug. */
    INTERNAL_ERROR
}
