package dev.ecoscan.domain.port;

import dev.ecoscan.domain.scan.FailureKind;
import dev.ecoscan.domain.taxonomy.Classification;
import dev.ecoscan.domain.taxonomy.Resolution;
import dev.ecoscan.domain.taxonomy.Texts;
import java.util.Objects;

/**
 * What the vision step returned. A classifier checks its model's labels against the taxonomy itself
 * ({@link dev.ecoscan.domain.taxonomy.Taxonomy#resolve}), once: the pipeline trusts a
 * {@link Classified} as it is.
 */
public sealed interface ClassifierVerdict {

    /**
     * The verdict for labels the taxonomy has resolved.
     *
     * @param resolution what {@link dev.ecoscan.domain.taxonomy.Taxonomy#resolve} made of the labels
     * @return {@link Classified} or {@link OutOfTaxonomy}
     */
    static ClassifierVerdict of(Resolution resolution) {
        return switch (resolution) {
            case Resolution.Resolved resolved -> new Classified(resolved.classification());
            case Resolution.OutOfTaxonomy out -> new OutOfTaxonomy(out.reason());
        };
    }

    /**
     * The item, checked against the taxonomy.
     *
     * @param classification the item's category, material and situation tags
     */
    record Classified(Classification classification) implements ClassifierVerdict {
        /** Checks that the classification is present. */
        public Classified {
            Objects.requireNonNull(classification, "classification");
        }
    }

    /**
     * The classifier named something the taxonomy lacks, or labels that contradict each other.
     *
     * @param reason which label did not fit, for logs
     */
    record OutOfTaxonomy(String reason) implements ClassifierVerdict {
        /** Checks that a reason is given. */
        public OutOfTaxonomy {
            reason = Texts.requireText(reason, "reason");
        }
    }

    /**
     * The classifier saw the image but could not tell what waste it shows.
     *
     * @param reason the classifier's explanation, for logs
     */
    record Unclassifiable(String reason) implements ClassifierVerdict {
        /** Checks that a reason is given. */
        public Unclassifiable {
            reason = Texts.requireText(reason, "reason");
        }
    }

    /**
     * The classifier could not do its job (provider down, output invalid after repair, deadline, budget).
     *
     * @param kind   what went wrong, which decides the status the caller sees
     * @param detail a short explanation for logs, never shown to the person
     */
    record Failure(FailureKind kind, String detail) implements ClassifierVerdict {
        /** Checks that the kind and a detail are present. */
        public Failure {
            Objects.requireNonNull(kind, "kind");
            detail = Texts.requireText(detail, "detail");
        }
    }
}
