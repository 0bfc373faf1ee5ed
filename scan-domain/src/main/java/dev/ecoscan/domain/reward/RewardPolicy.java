package dev.ecoscan.domain.reward;

import dev.ecoscan.domain.taxonomy.Classification;
import java.util.Optional;

/**
 * When a scan earns a character: the item is recyclable and has a middle category, its disposal
 * rules were found, and the answer found nothing the person still has to fix. The pipeline and a
 * character service apply the same policy.
 */
public final class RewardPolicy {

    private RewardPolicy() {
    }

    /** Empty when the scan qualifies, else why it does not. */
    public static Optional<String> whyNotEligible(Classification classification, boolean rulesPresent,
                                                  boolean insufficienciesPresent) {
        if (!classification.isRecyclableWithMiddle()) {
            return Optional.of("'" + classification.path().display() + "' is not a recyclable with a middle category");
        }
        if (!rulesPresent) {
            return Optional.of("no disposal rule was found for '" + classification.path().display() + "'");
        }
        if (insufficienciesPresent) {
            return Optional.of("the item is not ready for disposal yet: the answer lists what to fix first");
        }
        return Optional.empty();
    }
}
