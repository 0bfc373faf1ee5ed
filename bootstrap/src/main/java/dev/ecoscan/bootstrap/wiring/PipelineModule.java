package dev.ecoscan.bootstrap.wiring;

import dagger.Module;
import dagger.Provides;
import dev.ecoscan.adapter.metrics.EcoScanMetrics;
import dev.ecoscan.application.PipelinePorts;
import dev.ecoscan.application.ScanPipeline;
import dev.ecoscan.application.ScanWaste;
import dev.ecoscan.domain.port.AnswerGenerator;
import dev.ecoscan.domain.port.Classifier;
import dev.ecoscan.domain.port.ImageSource;
import dev.ecoscan.domain.port.RewardMatcher;
import dev.ecoscan.domain.port.RuleRepository;
import dev.ecoscan.domain.port.StepRecorder;
import dev.ecoscan.domain.scan.ImageLoadEvent;
import dev.ecoscan.domain.scan.StepEvent;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import java.time.Clock;

/** Assembles the use case: every port wrapped in its timing decorator, step events to the listeners. */
@Module
interface PipelineModule {

    /**
     * The service sends every step event to metrics and to whatever follows job progress here (the
     * in-process queue, or a Redis worker); each outcome carries its own timings either way.
     */
    @Provides
    @Singleton
    static StepRecorder stepListeners(Purpose purpose, Provider<EcoScanMetrics> metrics, StepRelay jobs) {
        if (purpose != Purpose.SERVICE) {
            return StepRecorder.none();
        }
        EcoScanMetrics meters = metrics.get();
        return new StepRecorder() {
            @Override
            public void record(StepEvent event) {
                meters.record(event);
                jobs.record(event);
            }

            /** Job progress follows the four steps only; the image load is timed beside them. */
            @Override
            public void recordImageLoad(ImageLoadEvent event) {
                meters.recordImageLoad(event);
            }
        };
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
