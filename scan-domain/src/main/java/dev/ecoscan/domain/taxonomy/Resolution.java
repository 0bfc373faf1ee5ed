package dev.ecoscan.domain.taxonomy;

import java.util.Objects;

/** The result of checking classifier labels against the taxonomy. */
public sealed interface Resolution {

    /**
     * Every label named a node of the taxonomy and they agree with each other.
     *
     * @param classification the checked classification
     */
    record Resolved(Classification classification) implements Resolution {
        /** Checks that the classification is present. */
        public Resolved {
            Objects.requireNonNull(classification, "classification");
        }
    }

    /**
     * Some label is unknown, or the labels contradict each other (an item under the wrong middle).
     *
     * @param reason which label did not fit, for logs
     */
    record OutOfTaxonomy(String reason) implements Resolution {
        /** Checks that a reason is given. */
        public OutOfTaxonomy {
            reason = Texts.requireText(reason, "reason");
        }
    }
}
