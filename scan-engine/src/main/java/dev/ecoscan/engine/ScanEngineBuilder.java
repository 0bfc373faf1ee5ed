package dev.ecoscan.engine;

import dev.ecoscan.domain.port.AnswerGenerator;
import dev.ecoscan.domain.port.Classifier;
import dev.ecoscan.domain.port.StepRecorder;
import dev.langchain4j.model.chat.ChatModel;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Collects a {@link ScanEngine}'s parts; {@link #build()} checks them as a whole and starts the
 * engine. Each LLM step (vision, answer) runs on exactly one of: eco-scan's {@linkplain
 * #provider(LlmProvider) provider chain}, a caller's LangChain4j {@link ChatModel}, or an
 * implementation of the step's port. A builder is for one thread and one engine.
 */
public final class ScanEngineBuilder {

    /** The service's default per-scan deadline ({@code ECO_SCAN_DEADLINE}). */
    public static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(55);
    /** How many submitted scans may be unfinished at once before {@code submit} refuses more. */
    public static final int DEFAULT_MAX_UNFINISHED_JOBS = 256;
    /** How long a finished job is kept for {@code job(...)} ({@code ECO_SCAN_JOB_RETENTION}). */
    public static final Duration DEFAULT_JOB_RETENTION = Duration.ofHours(1);

    private Optional<Path> knowledgeBase = Optional.empty();
    private Optional<LlmProvider> provider = Optional.empty();
    private Optional<LlmProvider> fallback = Optional.empty();
    private StepSource<Classifier> vision = new StepSource.Providers<>();
    private StepSource<AnswerGenerator> answer = new StepSource.Providers<>();
    private RewardStore rewards = new RewardStore.None();
    private Optional<MeterRegistry> meterRegistry = Optional.empty();
    private final List<StepRecorder> listeners = new ArrayList<>();
    private Duration deadline = DEFAULT_DEADLINE;
    private Set<String> imageHosts = Set.of();
    private int maxUnfinishedJobs = DEFAULT_MAX_UNFINISHED_JOBS;
    private Duration jobRetention = DEFAULT_JOB_RETENTION;

    ScanEngineBuilder() {}

    /**
     * A knowledge base of one's own: a directory with {@code taxonomy.yaml}, {@code
     * situation-tags.yaml}, {@code disposal-rules.yaml} and {@code characters.yaml} (the format of
     * {@code eco-scan taxonomy export}), validated when the engine is built. Without it, the bundled one.
     *
     * @param directory holds the four files
     * @return this builder
     */
    public ScanEngineBuilder knowledgeBase(Path directory) {
        this.knowledgeBase = Optional.of(Objects.requireNonNull(directory, "directory"));
        return this;
    }

    /**
     * eco-scan's provider chain for the steps with no model or port of their own: eco-scan's client,
     * with its retries of 429 and 5xx, its circuit breaker and its result cache.
     *
     * @param primary the provider to call first
     * @return this builder
     */
    public ScanEngineBuilder provider(LlmProvider primary) {
        this.provider = Optional.of(Objects.requireNonNull(primary, "primary"));
        return this;
    }

    /**
     * Where a provider-chain step goes when the primary cannot serve it (down, overloaded, open circuit).
     *
     * @param fallback the provider to call when the primary cannot
     * @return this builder
     */
    public ScanEngineBuilder fallback(LlmProvider fallback) {
        this.fallback = Optional.of(Objects.requireNonNull(fallback, "fallback"));
        return this;
    }

    /**
     * The vision step on the caller's model, which must take images. eco-scan's prompt, the scan's
     * deadline, the reply's validation and one repair call still apply; retries, fallback and the
     * model's parameters (name, token cap, sampling) are the caller's, as configured on {@code model}.
     *
     * @param model the caller's vision model
     * @return this builder
     */
    public ScanEngineBuilder visionModel(ChatModel model) {
        this.vision = vision.replacedBy(new StepSource.CallersModel<>(model), "vision");
        return this;
    }

    /**
     * The answer step on the caller's model, used when a person asks a question (without one, the
     * rule's own text answers). As for {@link #visionModel}: eco-scan's deadline, validation and
     * repair, the caller's retries and fallback.
     *
     * @param model the caller's answer model
     * @return this builder
     */
    public ScanEngineBuilder answerModel(ChatModel model) {
        this.answer = answer.replacedBy(new StepSource.CallersModel<>(model), "answer");
        return this;
    }

    /**
     * The vision step as this implementation of eco-scan's {@link Classifier} port (e.g. a testkit fake).
     *
     * @param classifier the vision step
     * @return this builder
     */
    public ScanEngineBuilder classifier(Classifier classifier) {
        this.vision = vision.replacedBy(new StepSource.Port<>(classifier), "vision");
        return this;
    }

    /**
     * The answer step as this implementation of eco-scan's {@link AnswerGenerator} port, used as it is.
     *
     * @param answers the answer step
     * @return this builder
     */
    public ScanEngineBuilder answers(AnswerGenerator answers) {
        this.answer = answer.replacedBy(new StepSource.Port<>(answers), "answer");
        return this;
    }

    /**
     * Rewards kept on the caller's database (PostgreSQL or H2): eco-scan migrates its tables there at
     * start-up, with its own Flyway history table, and never closes the data source.
     *
     * @param dataSource the caller's database
     * @return this builder
     */
    public ScanEngineBuilder rewardsOn(DataSource dataSource) {
        this.rewards = new RewardStore.OnDataSource(dataSource);
        return this;
    }

    /**
     * Rewards granted by a character service at {@code url}, called with {@code serviceToken}.
     *
     * @param url          the character service's base URL
     * @param serviceToken the token it expects
     * @return this builder
     */
    public ScanEngineBuilder remoteRewards(URI url, String serviceToken) {
        this.rewards = new RewardStore.Remote(url, serviceToken);
        return this;
    }

    /**
     * eco-scan's meters (steps, model calls, cost, jobs, scans) on the caller's registry, left open at close.
     *
     * @param registry the caller's registry
     * @return this builder
     */
    public ScanEngineBuilder meterRegistry(MeterRegistry registry) {
        this.meterRegistry = Optional.of(Objects.requireNonNull(registry, "registry"));
        return this;
    }

    /**
     * Adds a listener told of every step of every scan; it must be quick and thread-safe.
     *
     * @param listener told of each step event
     * @return this builder
     */
    public ScanEngineBuilder stepListener(StepRecorder listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
        return this;
    }

    /**
     * The time {@link ScanEngine#request} gives each scan; every step is bounded by it.
     *
     * @param deadline each scan's time limit
     * @return this builder
     */
    public ScanEngineBuilder deadline(Duration deadline) {
        this.deadline = EngineOptions.positive(deadline, "deadline");
        return this;
    }

    /**
     * The hosts image URLs may name ({@code images.example.com}, or {@code *.example.com}); every
     * fetch is checked against server-side request forgery. Without any, only inline images are read.
     *
     * @param hosts the allowed host names or wildcards
     * @return this builder
     */
    public ScanEngineBuilder imageHosts(Set<String> hosts) {
        this.imageHosts = Set.copyOf(Objects.requireNonNull(hosts, "hosts"));
        return this;
    }

    /**
     * How many submitted scans may be unfinished at once; one more is refused.
     *
     * @param jobs at least one
     * @return this builder
     */
    public ScanEngineBuilder maxUnfinishedJobs(int jobs) {
        if (jobs < 1) {
            throw new IllegalArgumentException("at least one job must be allowed, was " + jobs);
        }
        this.maxUnfinishedJobs = jobs;
        return this;
    }

    /**
     * How long a finished job stays readable.
     *
     * @param retention how long a finished job is kept
     * @return this builder
     */
    public ScanEngineBuilder jobRetention(Duration retention) {
        this.jobRetention = EngineOptions.positive(retention, "retention");
        return this;
    }

    /**
     * Checks the choices and starts the engine: loads the knowledge base, builds the adapters and
     * migrates the rewards database.
     *
     * @throws IllegalStateException when a step has nothing to run on, or the provider is set but unused
     * @throws RuntimeException      what a part throws when it cannot start (a bad knowledge base, a
     *                               database that cannot be reached); nothing stays open then
     * @return the running engine; close it when done
     */
    public ScanEngine build() {
        return EngineWiring.start(new EngineOptions(
                knowledgeBase,
                provider,
                fallback,
                vision,
                answer,
                rewards,
                meterRegistry,
                listeners,
                deadline,
                imageHosts,
                maxUnfinishedJobs,
                jobRetention));
    }
}
