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

    /** The same answer with each of {@code required} that it lacks added after its own insufficiencies. */
    public Answer including(List<String> required) {
        List<String> all = new ArrayList<>(insufficiencies);
        Texts.requireTexts(required, "required insufficiency").stream()
                .filter(text -> !all.contains(text))
                .forEach(all::add);
        return all.size() == insufficiencies.size() ? this : new Answer(userAnswer, steps, all);
    }
}
