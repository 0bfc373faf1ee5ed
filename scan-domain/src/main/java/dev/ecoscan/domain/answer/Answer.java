package dev.ecoscan.domain.answer;

import dev.ecoscan.domain.taxonomy.Texts;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The answer shown to the person.
 *
 * @param userAnswer      a short reply to the person, grounded in the rule
 * @param steps           what to do, in order
 * @param insufficiencies what the person got wrong or must still do, as shown to them. They do not
 *                        decide the reward: {@link dev.ecoscan.domain.reward.RewardPolicy} does, from the
 *                        classification's situation tags.
 */
public record Answer(String userAnswer, List<String> steps, List<String> insufficiencies) {

    /** Checks that the answer has a reply and at least one step, none of them blank. */
    public Answer {
        userAnswer = Texts.requireText(userAnswer, "user answer");
        steps = Texts.requireTexts(Objects.requireNonNull(steps, "steps"), "disposal step");
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("an answer needs at least one disposal step");
        }
        insufficiencies = Texts.requireTexts(insufficiencies, "insufficiency");
    }

    /**
     * Whether the person still has something to fix.
     *
     * @return true when at least one insufficiency is listed
     */
    public boolean hasInsufficiencies() {
        return !insufficiencies.isEmpty();
    }

    /**
     * The same answer with each of {@code required} that it lacks added after its own insufficiencies.
     *
     * @param required insufficiencies the rule insists on, whatever the model wrote
     * @return this answer when it already lists them all, else a copy that does
     */
    public Answer including(List<String> required) {
        List<String> all = new ArrayList<>(insufficiencies);
        Texts.requireTexts(required, "required insufficiency").stream()
                .filter(text -> !all.contains(text))
                .forEach(all::add);
        return all.size() == insufficiencies.size() ? this : new Answer(userAnswer, steps, all);
    }
}
