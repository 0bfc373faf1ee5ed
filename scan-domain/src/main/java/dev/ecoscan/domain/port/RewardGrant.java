package dev.ecoscan.domain.port;

import dev.ecoscan.domain.scan.ScanId;
import dev.ecoscan.domain.scan.UserId;
import dev.ecoscan.domain.taxonomy.Classification;
import dev.ecoscan.domain.taxonomy.MiddleCategory;
import java.time.Instant;
import java.util.Objects;

/**
 * Input of reward matching: a reward the pipeline has already decided with
 * {@link dev.ecoscan.domain.reward.RewardPolicy}. The port grants it; it does not judge it again, so
 * the decision is made once, from eco-scan's own facts.
 *
 * @param classification a recyclable with a middle category, whose character is granted
 * @param scanId   the scan that earned the reward
 * @param user     the person to grant it to
 * @param deadline when the matcher must give up
 */
public record RewardGrant(ScanId scanId, UserId user, Classification classification, Instant deadline) {

    /** Checks that every part is present and that the item earns a character at all. */
    public RewardGrant {
        Objects.requireNonNull(scanId, "scanId");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(classification, "classification");
        Objects.requireNonNull(deadline, "deadline");
        if (!classification.isRecyclableWithMiddle()) {
            throw new IllegalArgumentException("only a recyclable with a middle category earns a character, not '"
                    + classification.path().display() + "'");
        }
    }

    /**
     * The middle category whose character is granted.
     *
     * @return the classification's middle category
     */
    public MiddleCategory middle() {
        return classification.path().middle().orElseThrow();
    }
}
