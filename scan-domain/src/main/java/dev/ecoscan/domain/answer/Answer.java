package dev.ecoscan.domain.answer;

import dev.ecoscan.domain.taxonomy.Texts;
import java.util.Objects;
import java.util.List;

/**
 * The answer shown to the person.
 *
 * @param userAnswer      a short reply to the person, grounded in the rule
 * @param steps           what to do, in order
 * @param insufficiencies what the person got wrong or must still do; empty means the item is ready
 */
public record Answer(String userAnswer, List<String> steps, List<String> insufficiencies) {

    public Answer {
        userAnswer = Texts.requireText(userAnswer, "user answer");
        steps = Texts.requireTexts(Objects.requireNonNull(steps, "steps"), "disposal step");
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("an answer needs at least one disposal step");
        }
        insufficiencies = Texts.requireTexts(insufficiencies, "insufficiency");
    }

    public boolean hasInsufficiencies() {
        return !insufficiencies.isEmpty();
    }
}
