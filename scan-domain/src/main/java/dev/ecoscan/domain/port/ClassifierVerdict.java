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

    /** The verdict for labels the taxonomy has resolved. */
    static ClassifierVerdict of(Resolution resolution) {
        return switch (resolution) {
            case Resolution.Resolved resolved -> new Classified(resolved.classification());
            case Resolution.OutOfTaxonomy out -> new OutOfTaxonomy(out.reason());
        };
    }

    /** The item, checked against the taxonomy. */
    record Classified(Classification classification) implements ClassifierVerdict {
        public Classified {
            Objects.requireNonNull(classification, "classification");
        }
    }

    /** The classifier named something the taxonomy lacks, or labels that contradict each other. */
    record OutOfTaxonomy(String reason) implements ClassifierVerdict {
        public OutOfTaxonomy {
            reason = Texts.requireText(reason, "reason");
        }
    }

    /** The classifier saw the image but could not tell what waste it shows. */
    record Unclassifiable(String reason) implements ClassifierVerdict {
        public Unclassifiable {
            reason = Texts.requireText(reason, "reason");
        }
    }

    /** The classifier could not do its job (provider down, output invalid after repair, deadline, budget). */
    record Failure(FailureKind kind, String detail) implements ClassifierVerdict {
        public Failure {
            Objects.requireNonNull(kind, "kind");
            detail = Texts.requireText(detail, "detail");
        }
    }
}
