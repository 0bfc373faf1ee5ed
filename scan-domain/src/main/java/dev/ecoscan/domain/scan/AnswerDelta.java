package dev.ecoscan.domain.scan;

import java.util.Objects;

/**
 * A piece of the answer's text as the answer model writes it, so a person reads it before the scan
 * ends. Deltas are provisional: the scan's outcome holds the answer as validated. When the model is
 * asked again (a retry, a fallback endpoint, a repair), the first delta of the new reply says
 * {@code restart}: the text received so far is to be dropped.
 *
 * @param scanId  the scan whose answer this is
 * @param text    the text written since the last delta
 * @param restart true on the first delta of a new reply: drop the text received so far
 */
public record AnswerDelta(ScanId scanId, String text, boolean restart) {

    /** Checks that the scan and the text are present. */
    public AnswerDelta {
        Objects.requireNonNull(scanId, "scanId");
        Objects.requireNonNull(text, "text");
        if (text.isEmpty()) {
            throw new IllegalArgumentException("a delta carries some text");
        }
    }
}
