package dev.ecoscan.domain.reward;

import dev.ecoscan.domain.rule.DisposalRule;
import dev.ecoscan.domain.taxonomy.Classification;
import dev.ecoscan.domain.taxonomy.SituationTag;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * When a scan earns a character: the item is recyclable and has a middle category, its disposal
 * rule was found, and the classification shows none of the situation tags listed as blocking a reward
 * (a label still on, contents left, ...) for that item: the item's or its variant's own list where the
 * rule has one, the rule's otherwise.
 *
 * <p>Only facts eco-scan established itself take part. The answer model's text, its insufficiencies
 * included, does not: the person's question reaches that model, so what it writes is untrusted and
 * could otherwise be talked into earning a character.
 */
public final class RewardPolicy {

    private RewardPolicy() {}

    /**
     * The decision for a scan, from its classification and the rule found for it (empty: none was).
     *
     * @param classification what the scan found
     * @param rule           the rule found for it, empty when none was
     * @return eligible, or not eligible with the reason
     */
    public static RewardDecision decide(Classification classification, Optional<DisposalRule> rule) {
        Objects.requireNonNull(classification, "classification");
        Objects.requireNonNull(rule, "rule");
        Optional<RewardDecision.NotEligible> notRecyclable = notRecyclable(classification);
        if (notRecyclable.isPresent()) {
            return notRecyclable.get();
        }
        if (rule.isEmpty()) {
            return noRule(classification);
        }
        List<SituationTag> blocking = blockingTags(classification, rule.get());
        if (!blocking.isEmpty()) {
            return new RewardDecision.NotEligible("the item is not ready for disposal yet: "
                    + blocking.stream().map(SituationTag::label).collect(Collectors.joining(", "))
                    + " must be dealt with first");
        }
        return new RewardDecision.Eligible(classification);
    }

    /**
     * The classification's situation tags that block a reward for its item, in the classification's order:
     * by the item's (or its variant's) own list where the rule gives one, else by the rule's.
     *
     * @param classification what the scan found, with its situation tags
     * @param rule           the rule of the classification's rule node
     * @return the blocking tags, possibly none
     */
    public static List<SituationTag> blockingTags(Classification classification, DisposalRule rule) {
        List<String> blocking = rule.rewardBlockedBy(classification.item(), classification.situation());
        return classification.situation().stream()
                .filter(tag -> blocking.contains(tag.id()))
                .toList();
    }

    /**
     * The same policy on a character service's request, where the calling eco-scan reports the facts it
     * established: whether it found a rule, and whether blocking situation tags were present (the wire's
     * {@code disposal_rules_present} and {@code insufficiencies_present}).
     *
     * @param classification      what the scan found
     * @param rulePresent         whether the reference system found a rule
     * @param blockingTagsPresent whether it reported insufficiencies
     * @return eligible, or not eligible with the reason
     */
    public static RewardDecision decideReported(
            Classification classification, boolean rulePresent, boolean blockingTagsPresent) {
        Objects.requireNonNull(classification, "classification");
        Optional<RewardDecision.NotEligible> notRecyclable = notRecyclable(classification);
        if (notRecyclable.isPresent()) {
            return notRecyclable.get();
        }
        if (!rulePresent) {
            return noRule(classification);
        }
        if (blockingTagsPresent) {
            return new RewardDecision.NotEligible(
                    "the item is not ready for disposal yet: the scan shows something to deal with first");
        }
        return new RewardDecision.Eligible(classification);
    }

    private static Optional<RewardDecision.NotEligible> notRecyclable(Classification classification) {
        return classification.isRecyclableWithMiddle()
                ? Optional.empty()
                : Optional.of(new RewardDecision.NotEligible(
                        "'" + classification.path().display() + "' is not a recyclable with a middle category"));
    }

    private static RewardDecision.NotEligible noRule(Classification classification) {
        return new RewardDecision.NotEligible(
                "no disposal rule was found for '" + classification.path().display() + "'");
    }
}
