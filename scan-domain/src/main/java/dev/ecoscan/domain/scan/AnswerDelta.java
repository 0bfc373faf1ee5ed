package dev.ecoscan.domain.scan;

import java.util.Objects;

/**
 * A piece of the answer's text as the answer model writes it, so a person reads it before the scan
 * ends. Deltas are provisional: the scan's outcome holds the answer as validated. When the model is
 * asked again (a retry, a fallback endpoint, a repair), the first delta of the new reply says
 * {@code restart}: the text received so far is to be dropped.
 */
public record AnswerDelta(ScanId scanId, String text, boolean restart) {

    public AnswerDelta {
        Objects.requireNonNull(scanId, "scanId");
        Objects.requireNonNull(text, "text");
        if (text.isEmpty()) {
            throw new IllegalArgumentException("a delta carries some text");
        }
    }
}
