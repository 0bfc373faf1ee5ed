package dev.ecoscan.bootstrap.wiring;

import dagger.Binds;
import dagger.Module;
import dagger.Provides;
import dev.ecoscan.adapter.images.LocalImageSource;
import dev.ecoscan.application.calls.ModelCallLog;
import dev.ecoscan.bootstrap.config.LimitSettings;
import dev.ecoscan.domain.port.ImageSource;
import dev.ecoscan.domain.port.ModelCallRecorder;
import dev.ecoscan.domain.port.StepRecorder;
import java.time.Duration;

/**
 * What the command line adds to the core: it reads local files as well as URLs, keeps each scan's
 * model calls for its token report, and has no metrics (each outcome carries its own timings).
 */
@Module
public interface CommandLineModule {

    @Binds
    ModelCallRecorder modelCalls(ModelCallLog log);

    @Provides
    static StepRecorder stepListeners() {
        return StepRecorder.none();
    }

    @Provides
    @Fetching
    static ImageSource localImages(LimitSettings limits) {
        Duration fetchTimeout = Duration.ofSeconds(10);
        return new LocalImageSource(limits.deadline().compareTo(fetchTimeout) < 0 ? limits.deadline() : fetchTimeout);
    }
}
