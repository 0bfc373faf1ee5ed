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

    /**
     * A kit with every port set to a default fake.
     *
     * @return a new kit
     */
    public static ScanTestKit pipeline() {
        return new ScanTestKit();
    }

    /**
     * The taxonomy, rules and characters.
     *
     * @param knowledge the knowledge base; the bundled one by default
     * @return this kit
     */
    public ScanTestKit knowledge(KnowledgeBase knowledge) {
        this.knowledge = Objects.requireNonNull(knowledge, "knowledge");
        return this;
    }

    /**
     * The image source.
     *
     * @param images the source; by default one that loads a sample photo for any reference
     * @return this kit
     */
    public ScanTestKit images(ImageSource images) {
        this.images = Objects.requireNonNull(images, "images");
        return this;
    }

    /**
     * The vision step.
     *
     * @param classifier the classifier; by default one that finds every image unclassifiable
     * @return this kit
     */
    public ScanTestKit classifier(Classifier classifier) {
        this.classifier = Objects.requireNonNull(classifier, "classifier");
        return this;
    }

    /**
     * The rag step.
     *
     * @param rules the repository; by default the knowledge base's rules in memory
     * @return this kit
     */
    public ScanTestKit rules(RuleRepository rules) {
        this.rules = Objects.requireNonNull(rules, "rules");
        return this;
    }

    /**
     * The answer step.
     *
     * @param answers the answer generator; the template strategy by default
     * @return this kit
     */
    public ScanTestKit answers(AnswerGenerator answers) {
        this.answers = Objects.requireNonNull(answers, "answers");
        return this;
    }

    /**
     * The reward step.
     *
     * @param rewards the matcher; by default in-memory rewards over the knowledge base's characters
     * @return this kit
     */
    public ScanTestKit rewards(RewardMatcher rewards) {
        this.rewards = Objects.requireNonNull(rewards, "rewards");
        return this;
    }

    /**
     * Where step events go.
     *
     * @param recorder the recorder, which the test reads
     * @return this kit
     */
    public ScanTestKit recorder(RecordingStepRecorder recorder) {
        this.recorder = Objects.requireNonNull(recorder, "recorder");
        return this;
    }

    /**
     * The clock deadlines are read from.
     *
     * @param clock the clock; the system's by default
     * @return this kit
     */
    public ScanTestKit clock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        return this;
    }

    /**
     * How long each scan may take, counted from the clock's now when the scan is requested.
     *
     * @param deadline each scan's time limit; 55 seconds by default
     * @return this kit
     */
    public ScanTestKit deadline(Duration deadline) {
        this.deadline = Objects.requireNonNull(deadline, "deadline");
        return this;
    }

    /**
     * Assembles the pipeline from the ports given, the bundled data's for the rest.
     *
     * @return the pipeline
     */
    public TestPipeline build() {
        RuleRepository ruleRepository = rules != null ? rules : new InMemoryRules(knowledge.rules());
        RewardMatcher rewardMatcher = rewards != null ? rewards : new InMemoryRewards(knowledge.characters());
        PipelinePorts ports = new PipelinePorts(images, classifier, ruleRepository, answers, rewardMatcher);
        ScanPipeline pipeline = ScanPipeline.assemble(ports, recorder, clock);
        return new TestPipeline(pipeline, knowledge, ports, recorder, clock, deadline);
    }
}
