package dev.ecoscan.domain.reward;

import dev.ecoscan.domain.taxonomy.Classification;
import dev.ecoscan.domain.taxonomy.MiddleCategory;
import dev.ecoscan.domain.taxonomy.Texts;
import java.util.Objects;

/** What {@link RewardPolicy} decided for a scan, before any character is looked up or granted. */
public sealed interface RewardDecision {

    /**
     * The scan earns the character of its middle category.
     *
     * @param classification a recyclable with a middle category
     */
    record Eligible(Classification classification) implements RewardDecision {
        /** Checks that the item earns a character at all. */
        public Eligible {
            Objects.requireNonNull(classification, "classification");
            if (!classification.isRecyclableWithMiddle()) {
                throw new IllegalArgumentException("only a recyclable with a middle category earns a character, not '"
                        + classification.path().display() + "'");
            }
        }

        /**
         * The middle category whose character is earned.
         *
         * @return the classification's middle category
         */
        public MiddleCategory middle() {
            return classification.path().middle().orElseThrow();
        }
    }

    /**
     * The scan earns nothing, and why.
     *
     * @param reason why, in words safe to show the person
     */
    record NotEligible(String reason) implements RewardDecision {
        /** Checks that a reason is given. */
        public NotEligible {
            reason = Texts.requireText(reason, "reason");
        }

        /**
         * The same verdict as the scan's reward outcome.
         *
         * @return the not-eligible outcome with the same reason
         */
        public RewardOutcome.NotEligible outcome() {
            return new RewardOutcome.NotEligible(reason);
        }
    }
}
