package dev.ecoscan.bootstrap.wiring;

import dagger.Module;
import dagger.Provides;
import dev.ecoscan.adapter.tracing.Traces;
import dev.ecoscan.application.PipelinePorts;
import dev.ecoscan.application.ScanPipeline;
import dev.ecoscan.application.calls.ModelCallLog;
import dev.ecoscan.application.port.ScanWaste;
import dev.ecoscan.domain.port.AnswerGenerator;
import dev.ecoscan.domain.port.Classifier;
import dev.ecoscan.domain.port.ImageSource;
import dev.ecoscan.domain.port.RewardMatcher;
import dev.ecoscan.domain.port.RuleRepository;
import dev.ecoscan.domain.port.StepRecorder;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * Assembles the use case: every port wrapped in its timing decorator (and, with traces on, in its span),
 * step events to the listeners the command chose. Each outcome carries its own timings either way, and a job follows its own
 * scan's events (see {@code JobRunner}).
 */
@Module
interface PipelineModule {

    @Provides
    @Singleton
    static ScanWaste scanWaste(
            ImageSource images,
            Classifier classifier,
            RuleRepository rules,
            AnswerGenerator answers,
            RewardMatcher rewards,
            StepRecorder listeners,
            Traces traces,
            Clock clock) {
        PipelinePorts ports = new PipelinePorts(images, classifier, rules, answers, rewards);
        return traces.traced(ScanPipeline.assemble(traces.traced(ports), traces.traced(listeners), clock));
    }

    /**
     * Each scan's model calls until taken: by the command line for its token report, by the service
     * for the scan's log line. A command that keeps calls records into it.
     */
    @Provides
    @Singleton
    static ModelCallLog modelCallLog() {
        return new ModelCallLog();
    }
}
