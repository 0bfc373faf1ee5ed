package dev.ecoscan.domain.scan;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One scan to run.
 *
 * @param id       the scan's id, chosen by the caller so it can be logged before the scan starts
 * @param image    the photo of the item
 * @param question what the person asked, if anything (trimmed; blank means none)
 * @param user     who is scanning, for rewards
 * @param deadline when the scan must be finished; every step is bounded by it
 * @param trace    the trace of the request that asked for the scan, if it carried one
 */
public record ScanRequest(
        ScanId id,
        ImageReference image,
        Optional<String> question,
        UserId user,
        Instant deadline,
        Optional<TraceParent> trace) {

    /** Long enough for a real question, short enough to keep prompts (and their cost) bounded. */
    public static final int MAX_QUESTION_LENGTH = 500;

    /** Checks the parts, drops a blank question and refuses one over {@link #MAX_QUESTION_LENGTH}. */
    public ScanRequest {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(image, "image");
        question =
                Objects.requireNonNull(question, "question").map(String::strip).filter(q -> !q.isEmpty());
        question.ifPresent(q -> {
            if (q.codePointCount(0, q.length()) > MAX_QUESTION_LENGTH) {
                throw new IllegalArgumentException("question is longer than " + MAX_QUESTION_LENGTH + " characters");
            }
        });
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(deadline, "deadline");
        Objects.requireNonNull(trace, "trace");
    }

    /**
     * A scan that continues no caller's trace.
     *
     * @param id       the scan's id
     * @param image    the image to classify
     * @param question the person's question, if any
     * @param user     who asked
     * @param deadline when the answer must be ready
     */
    public ScanRequest(ScanId id, ImageReference image, Optional<String> question, UserId user, Instant deadline) {
        this(id, image, question, user, deadline, Optional.empty());
    }

    /**
     * The same scan, continuing the trace {@code trace} names.
     *
     * @param trace the caller's trace context, or empty for none
     * @return a copy of this request with that trace
     */
    public ScanRequest withTrace(Optional<TraceParent> trace) {
        return new ScanRequest(id, image, question, user, deadline, trace);
    }
}
