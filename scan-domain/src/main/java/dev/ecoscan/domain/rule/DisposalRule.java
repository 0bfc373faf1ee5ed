package dev.ecoscan.domain.rule;

import dev.ecoscan.domain.taxonomy.Item;
import dev.ecoscan.domain.taxonomy.NodeId;
import dev.ecoscan.domain.taxonomy.SituationTag;
import dev.ecoscan.domain.taxonomy.Slugs;
import dev.ecoscan.domain.taxonomy.Texts;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * How the items of one rule node (a recyclable middle, or a major without middles) are put out.
 *
 * @param key         the reference API's key ({@code 재활용폐기물_종이팩})
 * @param node        the taxonomy node the rule belongs to
 * @param summary     one sentence on what goes where
 * @param targets     what the rule covers, in short phrases
 * @param commonSteps ordered steps for every item of the node
 * @param itemSteps   extra ordered steps for items handled differently
 * @param notAccepted what must not go with these items, and where it goes instead
 * @param source      the public guidance the facts come from
 * @param rewardBlockedBy ids of the situation tags that mean the item is not ready to be put out under
 *                    this rule yet (a label still on, contents left, ...): a scan showing one earns no
 *                    character. eco-scan decides this from the classification, never from model text.
 */
public record DisposalRule(RuleKey key, NodeId node, String summary, List<String> targets, List<String> commonSteps,
                           Map<NodeId, List<String>> itemSteps, List<String> notAccepted, String source,
                           List<String> rewardBlockedBy) {

    public DisposalRule {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(node, "node");
        summary = Texts.requireText(summary, "summary");
        targets = Texts.requireTexts(targets, "target");
        commonSteps = Texts.requireTexts(commonSteps, "common step");
        if (commonSteps.isEmpty()) {
            throw new IllegalArgumentException("rule '" + node + "' has no common steps");
        }
        Map<NodeId, List<String>> copy = new LinkedHashMap<>();
        Objects.requireNonNull(itemSteps, "itemSteps").forEach((item, steps) -> {
            List<String> checked = Texts.requireTexts(steps, "item step of '" + item + "'");
            if (checked.isEmpty()) {
                throw new IllegalArgumentException("rule '" + node + "' lists no steps for item '" + item + "'");
            }
            copy.put(Objects.requireNonNull(item, "item id"), checked);
        });
        itemSteps = Map.copyOf(copy);
        notAccepted = Texts.requireTexts(notAccepted, "not-accepted entry");
        source = Texts.requireText(source, "source");
        rewardBlockedBy = List.copyOf(Objects.requireNonNull(rewardBlockedBy, "rewardBlockedBy"));
        Set<String> seen = new HashSet<>();
        for (String tag : rewardBlockedBy) {
            if (!seen.add(Slugs.require(tag, "situation tag id blocking the reward"))) {
                throw new IllegalArgumentException("rule '" + node + "' lists the blocking tag '" + tag + "' twice");
            }
        }
    }

    /**
     * A rule whose situation tags never block a reward: for rules of majors that earn none (food,
     * general waste, ...), where there is nothing to block.
     */
    public DisposalRule(RuleKey key, NodeId node, String summary, List<String> targets, List<String> commonSteps,
                        Map<NodeId, List<String>> itemSteps, List<String> notAccepted, String source) {
        this(key, node, summary, targets, commonSteps, itemSteps, notAccepted, source, List.of());
    }

    /** True when an item showing this situation must be dealt with before it can earn a character. */
    public boolean blocksReward(SituationTag tag) {
        return rewardBlockedBy.contains(tag.id());
    }

    /** The steps for one item: the common ones, then the item's own. */
    public List<String> stepsFor(Item item) {
        List<String> steps = new ArrayList<>(commonSteps);
        steps.addAll(itemSteps.getOrDefault(item.id(), List.of()));
        return List.copyOf(steps);
    }

    /** The item's own steps, empty when the common steps say it all. */
    public List<String> itemStepsFor(Item item) {
        return itemSteps.getOrDefault(item.id(), List.of());
    }
}
