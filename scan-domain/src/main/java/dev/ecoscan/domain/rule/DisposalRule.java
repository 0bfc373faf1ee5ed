package dev.ecoscan.domain.rule;

import dev.ecoscan.domain.taxonomy.Item;
import dev.ecoscan.domain.taxonomy.NodeId;
import dev.ecoscan.domain.taxonomy.SituationTag;
import dev.ecoscan.domain.taxonomy.Texts;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * How the items of one rule node (a recyclable middle, or a major without middles) are put out, and
 * where single items depart from that.
 *
 * @param key         the reference API's key ({@code 재활용폐기물_종이팩})
 * @param node        the taxonomy node the rule belongs to
 * @param destination where the node's items go ("종이팩 전용 수거함")
 * @param summary     one sentence on what goes where
 * @param targets     what the rule covers, in short phrases
 * @param commonSteps ordered steps shared by the node's items
 * @param items       by item id, what an item changes (destination, summary, steps before or
 *                    instead of the shared ones) and its variants chosen by a situation tag
 * @param notAccepted what must not go with these items, and where it goes instead
 * @param regionalNote what districts do differently, when that matters
 * @param sources     the public pages the facts come from; never empty
 * @param rewardBlockedBy ids of the situation tags that mean the item is not ready to be put out under
 *                    this rule yet (a label still on, contents left, ...): a scan showing one earns no
 *                    character. eco-scan decides this from the classification, never from model text.
 */
public record DisposalRule(
        RuleKey key,
        NodeId node,
        String destination,
        String summary,
        List<String> targets,
        List<String> commonSteps,
        Map<NodeId, ItemRule> items,
        List<String> notAccepted,
        Optional<String> regionalNote,
        List<Source> sources,
        List<String> rewardBlockedBy) {

    /** Checks the rule: texts present, at least one common step and one source, valid blocking tags. */
    public DisposalRule {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(node, "node");
        destination = Texts.requireText(destination, "destination");
        summary = Texts.requireText(summary, "summary");
        targets = Texts.requireTexts(targets, "target");
        commonSteps = Texts.requireTexts(commonSteps, "common step");
        if (commonSteps.isEmpty()) {
            throw new IllegalArgumentException("rule '" + node + "' has no common steps");
        }
        Map<NodeId, ItemRule> copy = new LinkedHashMap<>();
        Objects.requireNonNull(items, "items")
                .forEach((item, rule) ->
                        copy.put(Objects.requireNonNull(item, "item id"), Objects.requireNonNull(rule, "item rule")));
        items = Map.copyOf(copy);
        notAccepted = Texts.requireTexts(notAccepted, "not-accepted entry");
        regionalNote =
                Objects.requireNonNull(regionalNote, "regionalNote").map(n -> Texts.requireText(n, "regional note"));
        sources = List.copyOf(Objects.requireNonNull(sources, "sources"));
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("rule '" + node + "' must cite at least one public source");
        }
        rewardBlockedBy = BlockingTags.require(rewardBlockedBy, "rule '" + node + "'");
    }

    /**
     * True when an item showing this situation must be dealt with before it can earn a character, by the
     * rule's own list; {@link #rewardBlockedBy(Item, Collection)} is what a scan of an item is judged by.
     *
     * @param tag a situation tag
     * @return true when the rule's own list names it
     */
    public boolean blocksReward(SituationTag tag) {
        return rewardBlockedBy.contains(tag.id());
    }

    /**
     * The tags that block this item's reward in this situation: the list of the variant the situation
     * picks if it has one, else the item override's, else the rule's. Each replaces the one above it
     * whole, as an item's list is written for that item rather than as a patch to the rule's.
     *
     * @param item      the item scanned
     * @param situation the situation tags the scan saw
     * @return the ids of the blocking tags that apply
     */
    public List<String> rewardBlockedBy(Item item, Collection<SituationTag> situation) {
        List<String> blocking = rewardBlockedBy;
        for (RuleOverride layer : layers(item, variantFor(item, situation))) {
            blocking = layer.rewardBlockedBy().orElse(blocking);
        }
        return blocking;
    }

    /**
     * The tags that block a reward for what a scan found: an unrecognised item goes by the rule's list.
     *
     * @param item      the item scanned, empty when only its category was recognised
     * @param situation the situation tags the scan saw
     * @return the ids of the blocking tags that apply
     */
    public List<String> rewardBlockedBy(Optional<Item> item, Collection<SituationTag> situation) {
        return item.map(known -> rewardBlockedBy(known, situation)).orElse(rewardBlockedBy);
    }

    /**
     * The rule's entry for one item, where the item departs from the shared rule.
     *
     * @param item the item's id
     * @return its entry, or empty when the shared rule applies as it is
     */
    public Optional<ItemRule> itemRule(NodeId item) {
        return Optional.ofNullable(items.get(item));
    }

    /**
     * The category's own advice, for a person who asked about the category rather than an item.
     *
     * @return the rule's destination, summary, common steps, note and sources
     */
    public Advice categoryAdvice() {
        return new Advice(destination, summary, commonSteps, regionalNote, sources, Optional.empty());
    }

    /**
     * The advice for this item in this situation: the shared rule, then the item's override, then the
     * variant the situation picks (the first of the item's variants whose tag was seen). This is the
     * one place steps are put together.
     *
     * @param item      the item scanned
     * @param situation the situation tags the scan saw
     * @return the advice to show
     */
    public Advice adviceFor(Item item, Collection<SituationTag> situation) {
        return advice(item, variantFor(item, situation));
    }

    /**
     * The advice for what a scan found: its item's, or the category's own where the item was not
     * recognised (a category is advice enough; an item is never guessed).
     *
     * @param item      the item scanned, empty when only its category was recognised
     * @param situation the situation tags the scan saw
     * @return the advice to show
     */
    public Advice adviceFor(Optional<Item> item, Collection<SituationTag> situation) {
        return item.map(known -> adviceFor(known, situation)).orElseGet(this::categoryAdvice);
    }

    /**
     * The advice for one named variant of an item, e.g. what a search for "물 아이스팩" found.
     *
     * @param item       the item
     * @param variantTag the situation tag of one of its variants
     * @return that variant's advice
     * @throws IllegalArgumentException when the item has no such variant under this rule
     */
    public Advice adviceForVariant(Item item, String variantTag) {
        boolean known = itemRule(item.id())
                .map(rule -> rule.variants().containsKey(variantTag))
                .orElse(false);
        if (!known) {
            throw new IllegalArgumentException(
                    "'" + item.id() + "' has no variant '" + variantTag + "' in rule '" + node + "'");
        }
        return advice(item, Optional.of(variantTag));
    }

    /**
     * The advice for the item when nothing about its situation is known.
     *
     * @param item the item
     * @return the advice to show
     */
    public Advice adviceFor(Item item) {
        return adviceFor(item, List.of());
    }

    /**
     * The steps for this item and situation, in order; see {@link #adviceFor(Item, Collection)}.
     *
     * @param item      the item scanned
     * @param situation the situation tags the scan saw
     * @return the steps, in order
     */
    public List<String> stepsFor(Item item, Collection<SituationTag> situation) {
        return adviceFor(item, situation).steps();
    }

    /**
     * The steps for the item when nothing about its situation is known.
     *
     * @param item the item
     * @return the steps, in order
     */
    public List<String> stepsFor(Item item) {
        return stepsFor(item, List.of());
    }

    /** The first of the item's variants whose tag the situation shows, if any. */
    private Optional<String> variantFor(Item item, Collection<SituationTag> situation) {
        Set<String> seen = new HashSet<>();
        situation.forEach(tag -> seen.add(tag.id()));
        return itemRule(item.id())
                .flatMap(rule ->
                        rule.variants().keySet().stream().filter(seen::contains).findFirst());
    }

    /** The item's own override, then the variant's, each present only when the data has it. */
    private List<RuleOverride> layers(Item item, Optional<String> variantTag) {
        Optional<ItemRule> rule = itemRule(item.id());
        Optional<RuleOverride> own = rule.flatMap(ItemRule::override);
        Optional<RuleOverride> variant =
                variantTag.flatMap(tag -> rule.map(r -> r.variants().get(tag)));
        return Stream.of(own, variant).flatMap(Optional::stream).toList();
    }

    private Advice advice(Item item, Optional<String> variantTag) {
        List<RuleOverride> layers = layers(item, variantTag);
        String where = destination;
        String why = summary;
        List<String> steps = commonSteps;
        Optional<String> note = regionalNote;
        Set<Source> cited = new LinkedHashSet<>();
        for (RuleOverride layer : layers) {
            where = layer.destination().orElse(where);
            why = layer.summary().orElse(why);
            steps = layer.applyTo(steps);
            note = layer.regionalNote().isPresent() ? layer.regionalNote() : note;
        }
        // The most specific sources first: they are what the item's own advice rests on.
        for (int i = layers.size() - 1; i >= 0; i--) {
            cited.addAll(layers.get(i).sources());
        }
        cited.addAll(sources);
        return new Advice(where, why, steps, note, List.copyOf(cited), variantTag);
    }
}
