package dev.ecoscan.domain.rule;

import dev.ecoscan.domain.taxonomy.Slugs;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The one check of a list of reward-blocking situation tag ids, shared by a rule and by the item
 * overrides and variants that replace its list, so the two cannot drift apart.
 */
final class BlockingTags {

    private BlockingTags() {}

    /** An unmodifiable copy of the ids, each a valid tag id listed once; {@code owner} names the list in errors. */
    static List<String> require(List<String> tags, String owner) {
        List<String> copy = List.copyOf(Objects.requireNonNull(tags, "rewardBlockedBy"));
        Set<String> seen = new HashSet<>();
        for (String tag : copy) {
            if (!seen.add(Slugs.require(tag, "situation tag id blocking the reward"))) {
                throw new IllegalArgumentException(owner + " lists the blocking tag '" + tag + "' twice");
            }
        }
        return copy;
    }
}
