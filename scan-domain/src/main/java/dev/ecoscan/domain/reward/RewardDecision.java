package dev.ecoscan.domain.reward;

import dev.ecoscan.domain.taxonomy.Classification;
import dev.ecoscan.domain.taxonomy.MiddleCategory;
import dev.ecoscan.domain.taxonomy.Texts;
import java.util.Objects;

/** What {@link RewardPolicy} decided for a scan, before any character is looked up or granted. */
public sealed interface RewardDecision {

    /** The scan earns the character of its middle category. */
    record Eligible(Classification classification) implements RewardDecision {
        public Eligible {
            Objects.requireNonNull(classification, "classification");
            if (!classification.isRecyclableWithMiddle()) {
                throw new IllegalArgumentException("only a recyclable with a middle category earns a character, not '"
                        + classification.path().display() + "'");
            }
        }

        /** The middle category whose character is earned. */
        public MiddleCategory middle() {
            return classification.path().middle().orElseThrow();
        }
    }

    /** The scan earns nothing, and why. */
    record NotEligible(String reason) implements RewardDecision {
        public NotEligible {
            reason = Texts.requireText(reason, "reason");
        }

        /** The same verdict as the scan's reward outcome. */
        public RewardOutcome.NotEligible outcome() {
            return new RewardOutcome.NotEligible(reason);
        }
    }
}
