package dev.ecoscan.engine;

import dev.ecoscan.adapter.images.DownscalingImageSource;
import dev.ecoscan.adapter.images.ImageFetchPolicy;
import dev.ecoscan.adapter.images.SafeUrlImageSource;
import dev.ecoscan.adapter.metrics.EcoScanMetrics;
import dev.ecoscan.application.PipelinePorts;
import dev.ecoscan.application.ScanPipeline;
import dev.ecoscan.application.images.ImageBudget;
import dev.ecoscan.application.jobs.InProcessJobQueue;
import dev.ecoscan.application.port.ScanWaste;
import dev.ecoscan.application.timing.StepFanOut;
import dev.ecoscan.data.KnowledgeBase;
import dev.ecoscan.data.KnowledgeBaseLoader;
import dev.ecoscan.data.KnowledgeBaseRuleRepository;
import dev.ecoscan.domain.port.ImageSource;
import dev.ecoscan.domain.port.JobRecorder;
import dev.ecoscan.domain.port.ModelCallRecorder;
import dev.ecoscan.domain.port.RewardMatcher;
import dev.ecoscan.domain.port.StepRecorder;
import dev.ecoscan.domain.scan.ScanOutcome;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Puts the engine together from checked options, in the order bootstrap's core does: knowledge base,
 * metrics, the LLM steps, rewards, images, the pipeline (each port behind its timing decorator, by
 * {@link ScanPipeline#assemble}) and the in-process job queue. A part that fails to start closes
 * the parts started before it.
 */
final class EngineWiring {

    private EngineWiring() {}

    static ScanEngine start(EngineOptions options) {
        Clock clock = Clock.systemUTC();
        OpenResources resources = new OpenResources();
        try {
            KnowledgeBase knowledge = options.knowledgeBase()
                    .map(directory ->
                            KnowledgeBaseLoader.fromDirectory(directory).load())
                    .orElseGet(KnowledgeBase::embedded);
            Optional<EcoScanMetrics> metrics =
                    options.meterRegistry().map(registry -> resources.register(EcoScanMetrics.on(registry)));
            CircuitBreakerRegistry breakers = CircuitBreakerRegistry.ofDefaults();
            RetryRegistry retries = RetryRegistry.ofDefaults();
            metrics.ifPresent(m -> m.bindResilience(breakers, retries));

            ModelCallRecorder calls = metrics.<ModelCallRecorder>map(m -> m).orElseGet(ModelCallRecorder::none);
            LlmSteps steps = LlmSteps.of(options, knowledge.taxonomy(), calls, clock, breakers, retries);
            RewardMatcher rewards = options.rewards().open(knowledge.characters(), clock, resources);
            ScanWaste scans = ScanPipeline.assemble(
                    new PipelinePorts(
                            images(options, resources),
                            steps.classifier(),
                            new KnowledgeBaseRuleRepository(knowledge.rules()),
                            steps.answers(),
                            rewards),
                    listeners(options, metrics),
                    clock);
            InProcessJobQueue jobs = new InProcessJobQueue(
                    scans,
                    options.maxUnfinishedJobs(),
                    options.jobRetention(),
                    clock,
                    metrics.<JobRecorder>map(m -> m).orElseGet(JobRecorder::none));
            Consumer<ScanOutcome> scanCounter =
                    metrics.<Consumer<ScanOutcome>>map(m -> m::recordScan).orElse(outcome -> {});
            return new ScanEngine(scans, jobs, scanCounter, options.deadline(), clock, resources);
        } catch (RuntimeException e) {
            try {
                resources.close();
            } catch (RuntimeException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
    }

    /**
     * Inline images, and URLs on the allowed hosts with the service's SSRF checks, held in an image
     * budget of a quarter of the heap (the service's default) and shrunk to what the vision model needs.
     */
    private static ImageSource images(EngineOptions options, OpenResources resources) {
        ImageBudget budget = new ImageBudget(Runtime.getRuntime().maxMemory() / 4);
        SafeUrlImageSource fetching =
                resources.register(new SafeUrlImageSource(ImageFetchPolicy.production(options.imageHosts()), budget));
        return resources.register(new DownscalingImageSource(fetching, budget));
    }

    /** The metrics first, then the caller's listeners in the order they were added. */
    private static StepRecorder listeners(EngineOptions options, Optional<EcoScanMetrics> metrics) {
        List<StepRecorder> all = new ArrayList<>();
        metrics.ifPresent(all::add);
        all.addAll(options.listeners());
        return new StepFanOut(all);
    }
}
