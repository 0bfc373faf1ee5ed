package dev.ecoscan.data;

import dev.ecoscan.domain.taxonomy.NodeId;
import dev.ecoscan.domain.taxonomy.SituationTag;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads {@code reward_blocked_by}: the situation tags that keep an item from earning a character. Each
 * must be a tag that needs action, so that the person is told what to fix.
 */
final class RewardBlocking {

    static final String KEY = "reward_blocked_by";

    private final Map<String, SituationTag> tagsById;

    RewardBlocking(Map<String, SituationTag> tagsById) {
        this.tagsById = Map.copyOf(tagsById);
    }

    /**
     * A rule's list. A recyclable rule must say which they are ({@code []} when none): a copy of the data
     * that predates the list would otherwise reward every scan, label on or not. Other rules earn no
     * reward, so a list there is a mistake.
     */
    List<String> ofRule(YamlEntry entry, NodeId node, boolean rewarding) {
        if (!rewarding) {
            if (entry.has(KEY)) {
                throw entry.error("'" + node + "' earns no reward, so '" + KEY + "' would never apply");
            }
            return List.of();
        }
        if (!entry.has(KEY)) {
            throw entry.error("missing '" + KEY + "': the situation tags that keep an item of '" + node
                    + "' from earning a character ([] when none do)");
        }
        return checked(entry);
    }

    /** An item override's or a variant's own list, which replaces the rule's; none when it keeps the rule's. */
    Optional<List<String>> ofOverride(YamlEntry entry, NodeId node, boolean rewarding, String what) {
        if (!entry.has(KEY)) {
            return Optional.empty();
        }
        if (!rewarding) {
            throw entry.error("'" + node + "' earns no reward, so '" + KEY + "' would never apply to " + what);
        }
        return Optional.of(checked(entry));
    }

    /** The entry's list: ids of situation tags that exist and tell the person what to fix. */
    private List<String> checked(YamlEntry entry) {
        List<String> ids = entry.texts(KEY);
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            SituationTag tag = tagsById.get(id);
            if (tag == null) {
                throw entry.error("'" + KEY + "[" + i + "]' names the situation tag '" + id + "', which is not in "
                        + KnowledgeBaseLoader.TAGS + " (use the tag's id, not its label)");
            }
            if (!tag.needsAction()) {
                throw entry.error("'" + KEY + "[" + i + "]' names '" + id + "', which has no advice in "
                        + KnowledgeBaseLoader.TAGS + ", so the person would not be told what keeps the reward back");
            }
        }
        return ids;
    }
}
