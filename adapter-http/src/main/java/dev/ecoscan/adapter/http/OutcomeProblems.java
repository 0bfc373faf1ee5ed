package dev.ecoscan.adapter.http;

import dev.ecoscan.domain.scan.ScanOutcome;

/** How a scan that did not complete is answered: a problem with a stable code and the right status. */
final class OutcomeProblems {

    /** A provider that is down usually recovers within seconds; clients should not hammer it. */
    private static final int MODEL_RETRY_AFTER_SECONDS = 5;

    private OutcomeProblems() {
    }

    static Problem of(ScanOutcome.Rejected rejected) {
        ProblemCode code = switch (rejected.reason()) {
            case UNREADABLE_IMAGE -> ProblemCode.UNREADABLE_IMAGE;
            case UNCLASSIFIABLE -> ProblemCode.UNCLASSIFIABLE;
            case OUT_OF_TAXONOMY -> ProblemCode.OUT_OF_TAXONOMY;
            case NO_MATCHING_RULE -> ProblemCode.NO_MATCHING_RULE;
        };
        return Problem.of(code, rejected.detail()).forTask(rejected.scanId().toString());
    }

    static Problem of(ScanOutcome.Failed failed) {
        Problem problem = switch (failed.kind()) {
            case DEADLINE_EXCEEDED, UPSTREAM_TIMEOUT -> Problem.of(ProblemCode.DEADLINE_EXCEEDED, failed.detail());
            case UPSTREAM_UNAVAILABLE -> Problem.of(ProblemCode.MODEL_UNAVAILABLE, failed.detail())
                    .retryAfter(MODEL_RETRY_AFTER_SECONDS);
            case INVALID_OUTPUT -> Problem.of(ProblemCode.INVALID_MODEL_OUTPUT, failed.detail());
            case INTERNAL_ERROR -> Problem.of(ProblemCode.INTERNAL_ERROR,
                    "the " + failed.step().label() + " step failed unexpectedly");
        };
        return problem.forTask(failed.scanId().toString());
    }
}
