package dev.ecoscan.testkit;

import dev.ecoscan.application.PipelinePorts;
import dev.ecoscan.application.ScanPipeline;
import dev.ecoscan.data.KnowledgeBase;
import dev.ecoscan.domain.port.AnswerGenerator;
import dev.ecoscan.domain.port.Classifier;
import dev.ecoscan.domain.port.ImageSource;
import dev.ecoscan.domain.port.RewardMatcher;
import dev.ecoscan.domain.port.RuleRepository;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Builds a real {@link ScanPipeline} on fakes. Everything has a default: the embedded knowledge
 * base, an image source that loads a placeholder photo for any reference, its rules in memory, answers read off the rule, in-memory rewards and a recording step
 * recorder; a test sets what it cares about, usually just the classifier.
 *
 * <pre>{@code
 * TestPipeline pipeline = ScanTestKit.pipeline()
 *         .classifier(ScriptedClassifier.labelling("재활용폐기물", "종이팩", "우유팩"))
 *         .build();
 * ScanOutcome outcome = pipeline.scan("milk-carton.png");
 * }</pre>
 */
public final class ScanTestKit {

    private KnowledgeBase knowledge = KnowledgeBase.embedded();
    private ImageSource images = CannedImages.anyPhoto();
    private Classifier classifier = ScriptedClassifier.unclassifiable("no classifier was scripted for this test");
    private RuleRepository rules;
    private AnswerGenerator answers = CannedAnswers.fromRule();
    private RewardMatcher rewards;
    private RecordingStepRecorder recorder = new RecordingStepRecorder();
    private Clock clock = Clock.systemUTC();
    private Duration deadline = Duration.ofSeconds(55);

    private ScanTestKit() {}

    public static ScanTestKit pipeline() {
        return new ScanTestKit();
    }

    public ScanTestKit knowledge(KnowledgeBase knowledge) {
        this.knowledge = Objects.requireNonNull(knowledge, "knowledge");
        return this;
    }

    public ScanTestKit images(ImageSource images) {
        this.images = Objects.requireNonNull(images, "images");
        return this;
    }

    public ScanTestKit classifier(Classifier classifier) {
        this.classifier = Objects.requireNonNull(classifier, "classifier");
        return this;
    }

    public ScanTestKit rules(RuleRepository rules) {
        this.rules = Objects.requireNonNull(rules, "rules");
        return this;
    }

    public ScanTestKit answers(AnswerGenerator answers) {
        this.answers = Objects.requireNonNull(answers, "answers");
        return this;
    }

    public ScanTestKit rewards(RewardMatcher rewards) {
        this.rewards = Objects.requireNonNull(rewards, "rewards");
        return this;
    }

    public ScanTestKit recorder(RecordingStepRecorder recorder) {
        this.recorder = Objects.requireNonNull(recorder, "recorder");
        return this;
    }

    public ScanTestKit clock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        return this;
    }

    /** How long each scan may take, counted from the clock's now when the scan is requested. */
    public ScanTestKit deadline(Duration deadline) {
        this.deadline = Objects.requireNonNull(deadline, "deadline");
        return this;
    }

    public TestPipeline build() {
        RuleRepository ruleRepository = rules != null ? rules : new InMemoryRules(knowledge.rules());
        RewardMatcher rewardMatcher = rewards != null ? rewards : new InMemoryRewards(knowledge.characters());
        PipelinePorts ports = new PipelinePorts(images, classifier, ruleRepository, answers, rewardMatcher);
        ScanPipeline pipeline = ScanPipeline.assemble(ports, recorder, clock);
        return new TestPipeline(pipeline, knowledge, ports, recorder, clock, deadline);
    }
}
