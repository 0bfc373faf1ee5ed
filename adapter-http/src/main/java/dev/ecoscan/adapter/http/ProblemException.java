package dev.ecoscan.adapter.http;

/** Ends a request with a problem; thrown from deep in a handler, answered by the routing's error handler. */
final class ProblemException extends RuntimeException {

    private final transient Problem problem;

    ProblemException(Problem problem) {
        super(problem.code().code() + ": " + problem.detail(), null, false, false);
        this.problem = problem;
    }

    ProblemException(ProblemCode code, String detail) {
        this(Problem.of(code, detail));
    }

    Problem problem() {
        return problem;
    }
}
