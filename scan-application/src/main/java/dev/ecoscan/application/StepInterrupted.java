package dev.ecoscan.application;

import dev.ecoscan.domain.scan.FailureKind;
import dev.ecoscan.domain.scan.Step;

/** A step that could not give an answer at all: the deadline passed, or the port threw. */
final class StepInterrupted extends Exception {

    private final Step step;
    private final FailureKind kind;

    StepInterrupted(Step step, FailureKind kind, String detail, Throwable cause) {
        super(detail, cause, false, false);
        this.step = step;
        this.kind = kind;
    }

    Step step() {
        return step;
    }

    FailureKind kind() {
        return kind;
    }
}
