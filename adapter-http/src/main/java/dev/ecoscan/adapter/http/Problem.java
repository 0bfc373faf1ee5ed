package dev.ecoscan.adapter.http;

import java.util.Objects;
import java.util.Optional;

/**
 * An RFC 9457 problem. Besides the standard members it carries the reference API's
 * {@code task_id} and {@code message}, so clients of the old body still find them.
 */
record Problem(ProblemCode code, String detail, Optional<String> taskId, Optional<Integer> retryAfterSeconds) {

    Problem {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(taskId, "taskId");
        Objects.requireNonNull(retryAfterSeconds, "retryAfterSeconds");
    }

    static Problem of(ProblemCode code, String detail) {
        return new Problem(code, detail, Optional.empty(), Optional.empty());
    }

    Problem forTask(String taskId) {
        return new Problem(code, detail, Optional.of(taskId), retryAfterSeconds);
    }

    Problem retryAfter(int seconds) {
        return new Problem(code, detail, taskId, Optional.of(seconds));
    }
}
