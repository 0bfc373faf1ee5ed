package dev.ecoscan.engine;

import dev.ecoscan.domain.port.AnswerGenerator;
import dev.ecoscan.domain.port.Classifier;
import dev.ecoscan.domain.port.StepRecorder;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The builder's choices, checked as a whole: each LLM step has one source, and the provider chain is
 * set exactly when a step uses it.
 */
record EngineOptions(
        Optional<Path> knowledgeBase,
        Optional<LlmProvider> provider,
        Optional<LlmProvider> fallback,
        StepSource<Classifier> vision,
        StepSource<AnswerGenerator> answer,
        RewardStore rewards,
        Optional<MeterRegistry> meterRegistry,
        List<StepRecorder> listeners,
        Duration deadline,
        Set<String> imageHosts,
        int maxUnfinishedJobs,
        Duration jobRetention) {

    EngineOptions {
        Objects.requireNonNull(knowledgeBase, "knowledgeBase");
        Objects.requireNonNull(rewards, "rewards");
        Objects.requireNonNull(meterRegistry, "meterRegistry");
        listeners = List.copyOf(listeners);
        imageHosts = Set.copyOf(imageHosts);
        boolean providersServe = vision instanceof StepSource.Providers<?> || answer instanceof StepSource.Providers<?>;
        if (providersServe && provider.isEmpty()) {
            throw new IllegalStateException("the " + (vision instanceof StepSource.Providers<?> ? "vision" : "answer")
                    + " step has nothing to run on: set provider(...), or a model or port for it");
        }
        if (!providersServe && provider.isPresent()) {
            throw new IllegalStateException(
                    "provider(...) is set, but both steps have a model or port of their own: remove one or the other");
        }
        if (fallback.isPresent() && provider.isEmpty()) {
            throw new IllegalStateException("fallback(...) needs provider(...): it is where a step goes next");
        }
    }

    /** The builder's rule for durations: a deadline or retention must be positive. */
    static Duration positive(Duration duration, String name) {
        if (!Objects.requireNonNull(duration, name).isPositive()) {
            throw new IllegalArgumentException(name + " must be positive, was " + duration);
        }
        return duration;
    }
}
