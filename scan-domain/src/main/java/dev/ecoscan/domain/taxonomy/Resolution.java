package dev.ecoscan.domain.taxonomy;

import java.util.Objects;

/** The result of checking classifier labels against the taxonomy. */
public sealed interface Resolution {

    /** Every label named a node of the taxonomy and they agree with each other. */
    record Resolved(Classification classification) implements Resolution {
        public Resolved {
            Objects.requireNonNull(classification, "classification");
        }
    }

    /** Some label is unknown, or the labels contradict each other (an item under the wrong middle). */
    record OutOfTaxonomy(String reason) implements Resolution {
        public OutOfTaxonomy {
            reason = Texts.requireText(reason, "reason");
        }
    }
}
