package dev.ecoscan.application;

import dev.ecoscan.application.timing.StepTimer;
import dev.ecoscan.application.timing.TimedAnswerGenerator;
import dev.ecoscan.application.timing.TimedClassifier;
import dev.ecoscan.application.timing.TimedImageSource;
import dev.ecoscan.application.timing.TimedRewardMatcher;
import dev.ecoscan.application.timing.TimedRuleRepository;
import dev.ecoscan.domain.port.AnswerGenerator;
import dev.ecoscan.domain.port.Classifier;
import dev.ecoscan.domain.port.ImageSource;
import dev.ecoscan.domain.port.RewardMatcher;
import dev.ecoscan.domain.port.RuleRepository;
import java.util.Objects;

/**
 * The driven ports of the pipeline, as one value so they are assembled (and timed) together: the
 * image source, then one port per step.
 *
 * @param images     loads the scan's image
 * @param classifier the vision step
 * @param rules      the rag step
 * @param answers    the answer step
 * @param rewards    the reward_match step
 */
public record PipelinePorts(
        ImageSource images,
        Classifier classifier,
        RuleRepository rules,
        AnswerGenerator answers,
        RewardMatcher rewards) {

    /** Checks that every port is present. */
    public PipelinePorts {
        Objects.requireNonNull(images, "images");
        Objects.requireNonNull(classifier, "classifier");
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(answers, "answers");
        Objects.requireNonNull(rewards, "rewards");
    }

    /** The same ports, each wrapped in its timing decorator. */
    TimedPorts timedBy(StepTimer timer) {
        return new TimedPorts(
                new TimedImageSource(images, timer),
                new TimedClassifier(classifier, timer),
                new TimedRuleRepository(rules, timer),
                new TimedAnswerGenerator(answers, timer),
                new TimedRewardMatcher(rewards, timer));
    }

    /** The ports as the pipeline calls them, every one timed. */
    record TimedPorts(
            TimedImageSource images,
            Classifier classifier,
            RuleRepository rules,
            AnswerGenerator answers,
            RewardMatcher rewards) {}
}
