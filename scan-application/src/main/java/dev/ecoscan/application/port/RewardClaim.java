package dev.ecoscan.application.port;

import dev.ecoscan.domain.scan.UserId;
import dev.ecoscan.domain.taxonomy.CategoryLabels;
import java.util.Objects;

/**
 * A reward another eco-scan (or the reference system) asks this one to grant, for a scan it ran: what
 * it classified, and the two facts it established. This side judges the claim again with the same
 * policy, since it owns the collection and cannot take the caller's word for the outcome.
 *
 * @param labels             the classification as names, resolved here against this taxonomy
 * @param ruleFound          the caller found a disposal rule for the item
 * @param blockingTagsSeen   the caller saw a situation tag that blocks the reward
 * @param user               the person to grant the reward to
 */
public record RewardClaim(UserId user, CategoryLabels labels, boolean ruleFound, boolean blockingTagsSeen) {

    /** Checks that the user and the labels are present. */
    public RewardClaim {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(labels, "labels");
    }
}
