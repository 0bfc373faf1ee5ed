package dev.ecoscan.domain.rule;

import dev.ecoscan.domain.taxonomy.Texts;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What an item, or one variant of it, changes in the rule above it. Steps can come before the
 * inherited ones ({@code before}: "empty the gas first"), replace them ({@code instead}: a lead-acid
 * battery does not go in the battery box at all) or follow them ({@code after}: a detail that adds
 * to them). Appending was once the only option, which let an item contradict the shared steps.
 *
 * @param destination  where it goes, when not where the rule above sends it
 * @param summary      one sentence, when the rule above's would mislead
 * @param before       steps that come first
 * @param instead      steps that replace the inherited ones, when present
 * @param after        steps that follow
 * @param regionalNote what districts do differently, shown as "지자체마다 다를 수 있어요: …"
 * @param sources      the public pages this override is taken from; never empty
 * @param rewardBlockedBy when present, the situation tag ids that block this item's reward instead of
 *                     the rule's list: a paper cup-noodle bowl filed under styrofoam must never earn the
 *                     styrofoam character, while a paper cup is coated by design and must not be held back
 *                     for it. Present and empty means nothing blocks.
 */
public record RuleOverride(
        Optional<String> destination,
        Optional<String> summary,
        List<String> before,
        Optional<List<String>> instead,
        List<String> after,
        Optional<String> regionalNote,
        List<Source> sources,
        Optional<List<String>> rewardBlockedBy) {

    /** Checks the texts, that there is a source, and that the blocking tags are valid ids. */
    public RuleOverride {
        destination = Objects.requireNonNull(destination, "destination").map(d -> Texts.requireText(d, "destination"));
        summary = Objects.requireNonNull(summary, "summary").map(s -> Texts.requireText(s, "summary"));
        before = Texts.requireTexts(before, "step before");
        instead = Objects.requireNonNull(instead, "instead").map(steps -> Texts.requireTexts(steps, "replacing step"));
        if (instead.isPresent() && instead.get().isEmpty()) {
            throw new IllegalArgumentException("'instead' must list the steps that replace the inherited ones");
        }
        after = Texts.requireTexts(after, "step after");
        regionalNote =
                Objects.requireNonNull(regionalNote, "regionalNote").map(n -> Texts.requireText(n, "regional note"));
        sources = List.copyOf(Objects.requireNonNull(sources, "sources"));
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("an override must cite at least one public source");
        }
        rewardBlockedBy = Objects.requireNonNull(rewardBlockedBy, "rewardBlockedBy")
                .map(tags -> BlockingTags.require(tags, "an override"));
        if (destination.isEmpty()
                && summary.isEmpty()
                && before.isEmpty()
                && instead.isEmpty()
                && after.isEmpty()
                && regionalNote.isEmpty()
                && rewardBlockedBy.isEmpty()) {
            throw new IllegalArgumentException("an override must change something");
        }
    }

    /**
     * An override that keeps the rule's reward-blocking tags.
     *
     * @param destination  where it goes, when not where the rule above sends it
     * @param summary      one sentence, when the rule above's would mislead
     * @param before       steps that come first
     * @param instead      steps that replace the inherited ones, when present
     * @param after        steps that follow
     * @param regionalNote what districts do differently
     * @param sources      the public pages this override is taken from
     */
    public RuleOverride(
            Optional<String> destination,
            Optional<String> summary,
            List<String> before,
            Optional<List<String>> instead,
            List<String> after,
            Optional<String> regionalNote,
            List<Source> sources) {
        this(destination, summary, before, instead, after, regionalNote, sources, Optional.empty());
    }

    /**
     * Only adds steps after the inherited ones.
     *
     * @param steps   the steps to add
     * @param sources the public pages they come from
     * @return the override
     */
    public static RuleOverride after(List<String> steps, List<Source> sources) {
        return new RuleOverride(
                Optional.empty(), Optional.empty(), List.of(), Optional.empty(), steps, Optional.empty(), sources);
    }

    /** This override's steps around (or instead of) the inherited ones. */
    List<String> applyTo(List<String> inherited) {
        List<String> steps = new ArrayList<>(before);
        steps.addAll(instead.orElse(inherited));
        steps.addAll(after);
        return List.copyOf(steps);
    }
}
