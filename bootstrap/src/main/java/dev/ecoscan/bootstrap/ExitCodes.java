package dev.ecoscan.bootstrap;

/** Exit codes of the command line, so scripts can tell outcomes apart. */
final class ExitCodes {

    static final int COMPLETED = 0;
    static final int UNEXPECTED = 1;
    /** Bad arguments, settings or data files (picocli uses 2 for usage errors too). */
    static final int BAD_INPUT = 2;
    /** The scan was rejected: unreadable image, unclassifiable or out-of-taxonomy item, no rule. */
    static final int REJECTED = 3;
    /** A step failed: a provider error or the deadline. */
    static final int FAILED = 4;

    private ExitCodes() {}
}
