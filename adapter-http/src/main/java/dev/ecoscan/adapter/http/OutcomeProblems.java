package dev.ecoscan.adapter.http;

import dev.ecoscan.domain.scan.ScanOutcome;

/** How a scan that did not complete is answered: a problem with a stable code and the right status. */
final class OutcomeProblems {

    /** A provider that is down usually recovers within seconds; clients should not hammer it. */
    private static final int MODEL_RETRY_AFTER_SECONDS = 5;
    /** Image memory frees as soon as other scans' vision steps end, within seconds. */
    private static final int OVERLOADED_RETRY_AFTER_SECONDS = 1;

    private OutcomeProblems() {}

    static Problem of(ScanOutcome.Rejected rejected) {
        ProblemCode code = switch (rejected.reason()) {
            case UNREADABLE_IMAGE -> ProblemCode.UNREADABLE_IMAGE;
            case UNCLASSIFIABLE -> ProblemCode.UNCLASSIFIABLE;
            case OUT_OF_TAXONOMY -> ProblemCode.OUT_OF_TAXONOMY;
            case NO_MATCHING_RULE -> ProblemCode.NO_MATCHING_RULE;
        };
        return Problem.of(code, rejected.detail()).forTask(rejected.scanId().toString());
    }

    /**
     * A failed scan in eco-scan's own words. The failure's detail names endpoints, models and what
     * the provider did; it goes to the log (see {@link ScanLog}), never to the client.
     */
    static Problem of(ScanOutcome.Failed failed) {
        String step = failed.step().label();
        Problem problem = switch (failed.kind()) {
            case DEADLINE_EXCEEDED, UPSTREAM_TIMEOUT ->
                Problem.of(ProblemCode.DEADLINE_EXCEEDED, "the " + step + " step did not finish in time");
            case UPSTREAM_UNAVAILABLE ->
                Problem.of(
                                ProblemCode.MODEL_UNAVAILABLE,
                                "the model for the " + step + " step is unavailable; try again shortly")
                        .retryAfter(MODEL_RETRY_AFTER_SECONDS);
            case INVALID_OUTPUT ->
                Problem.of(
                        ProblemCode.INVALID_MODEL_OUTPUT, "the model's answer for the " + step + " step was unusable");
            case OVERLOADED ->
                Problem.of(
                                ProblemCode.OVERLOADED,
                                "eco-scan holds as many images as its memory allows; try again shortly")
                        .retryAfter(OVERLOADED_RETRY_AFTER_SECONDS);
            case SHUT_DOWN ->
                Problem.of(
                                ProblemCode.SHUTTING_DOWN,
                                "this instance shut down before the scan finished; submit it again")
                        .retryAfter(1);
            case INTERNAL_ERROR ->
                Problem.of(ProblemCode.INTERNAL_ERROR, "the " + failed.step().label() + " step failed unexpectedly");
        };
        return problem.forTask(failed.scanId().toString());
    }
}
