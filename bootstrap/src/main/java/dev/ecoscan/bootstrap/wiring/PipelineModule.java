package dev.ecoscan.bootstrap.wiring;

import dagger.Module;
import dagger.Provides;
import dev.ecoscan.adapter.metrics.EcoScanMetrics;
import dev.ecoscan.application.PipelinePorts;
import dev.ecoscan.application.ScanPipeline;
import dev.ecoscan.application.port.ScanWaste;
import dev.ecoscan.domain.port.AnswerGenerator;
import dev.ecoscan.domain.port.Classifier;
import dev.ecoscan.domain.port.ImageSource;
import dev.ecoscan.domain.port.RewardMatcher;
import dev.ecoscan.domain.port.RuleRepository;
import dev.ecoscan.domain.port.StepRecorder;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import java.time.Clock;

/** Assembles the use case: every port wrapped in its timing decorator, step events to the listeners. */
@Module
interface PipelineModule {

    /**
     * The service sends every step event to metrics; each outcome carries its own timings either way,
     * and a job follows its own scan's events (see {@code JobRunner}).
     */
    @Provides
    @Singleton
    static StepRecorder stepListeners(Purpose purpose, Provider<EcoScanMetrics> metrics) {
        return purpose == Purpose.SERVICE ? metrics.get() : StepRecorder.none();
    }

    /** Takes {@link Wiring} so that its warnings are printed before the first scan can run. */
    @Provides
    @Singleton
    static ScanWaste scanWaste(
            ImageSource images,
            Classifier classifier,
            RuleRepository rules,
            AnswerGenerator answers,
            RewardMatcher rewards,
            StepRecorder listeners,
            Clock clock,
            Wiring wiring) {
        return ScanPipeline.assemble(new PipelinePorts(images, classifier, rules, answers, rewards), listeners, clock);
    }
}
