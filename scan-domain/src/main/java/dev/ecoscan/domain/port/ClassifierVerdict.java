package dev.ecoscan.domain.port;

import dev.ecoscan.domain.scan.FailureKind;
import dev.ecoscan.domain.taxonomy.CategoryLabels;
import dev.ecoscan.domain.taxonomy.Texts;
import java.util.Objects;

/** What the vision step returned. Labels are still unchecked: the pipeline resolves them. */
public sealed interface ClassifierVerdict {

    /** The classifier named a category and situation tags. */
    record Labelled(CategoryLabels labels) implements ClassifierVerdict {
        public Labelled {
            Objects.requireNonNull(labels, "labels");
        }
    }

    /** The classifier saw the image but could not tell what waste it shows. */
    record Unclassifiable(String reason) implements ClassifierVerdict {
        public Unclassifiable {
            reason = Texts.requireText(reason, "reason");
        }
    }

    /** The image could not be loaded or decoded. */
    record UnreadableImage(String reason) implements ClassifierVerdict {
        public UnreadableImage {
            reason = Texts.requireText(reason, "reason");
        }
    }

    /** The classifier could not do its job (provider down, output invalid after repair, deadline). */
    record Failure(FailureKind kind, String detail) implements ClassifierVerdict {
        public Failure {
            Objects.requireNonNull(kind, "kind");
            detail = Texts.requireText(detail, "detail");
        }
    }
}
