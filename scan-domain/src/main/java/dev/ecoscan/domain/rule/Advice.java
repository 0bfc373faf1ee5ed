package dev.ecoscan.domain.rule;

import dev.ecoscan.domain.taxonomy.Texts;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a person is told for one item in one situation: where it goes, why in one sentence, the
 * ordered steps, what their district may do differently, and where all of that comes from. Every
 * consumer (template answers, the answer prompt, the API body, the command line) shows this, so no
 * consumer can reorder or append steps on its own.
 *
 * @param variant the situation tag id of the variant applied, if one was
 * @param destination  where the item goes
 * @param summary      why, in one sentence
 * @param steps        what to do, in order; never empty
 * @param regionalNote what districts may do differently, without its prefix
 * @param sources      the public pages the advice rests on, most specific first
 */
public record Advice(
        String destination,
        String summary,
        List<String> steps,
        Optional<String> regionalNote,
        List<Source> sources,
        Optional<String> variant) {

    /** How a regional note is introduced wherever it is shown. */
    public static final String REGIONAL_PREFIX = "지자체마다 다를 수 있어요: ";

    /** Checks the texts and that there is at least one step. */
    public Advice {
        destination = Texts.requireText(destination, "destination");
        summary = Texts.requireText(summary, "summary");
        steps = Texts.requireTexts(steps, "step");
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("advice without steps");
        }
        Objects.requireNonNull(regionalNote, "regionalNote");
        sources = List.copyOf(Objects.requireNonNull(sources, "sources"));
        Objects.requireNonNull(variant, "variant");
    }

    /**
     * The regional note as shown to people, with its "지자체마다 다를 수 있어요" prefix.
     *
     * @return the prefixed note, or empty when there is none
     */
    public Optional<String> regionalNotice() {
        return regionalNote.map(note -> REGIONAL_PREFIX + note);
    }
}
