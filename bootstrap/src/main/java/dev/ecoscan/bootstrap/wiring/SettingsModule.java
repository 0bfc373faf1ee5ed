package dev.ecoscan.bootstrap.wiring;

import dagger.Module;
import dagger.Provides;
import dev.ecoscan.bootstrap.config.ImageSettings;
import dev.ecoscan.bootstrap.config.JobSettings;
import dev.ecoscan.bootstrap.config.LimitSettings;
import dev.ecoscan.bootstrap.config.LlmSettings;
import dev.ecoscan.bootstrap.config.ProviderSettings;
import dev.ecoscan.bootstrap.config.RewardSettings;
import dev.ecoscan.bootstrap.config.ServiceSettings;
import dev.ecoscan.bootstrap.config.Settings;
import dev.ecoscan.bootstrap.config.TraceSettings;

/** Each concern's settings record, so that a provider asks for the settings it reads and no others. */
@Module
interface SettingsModule {

    @Provides
    static ProviderSettings provider(Settings settings) {
        return settings.provider();
    }

    @Provides
    static LlmSettings llm(Settings settings) {
        return settings.llm();
    }

    @Provides
    static ServiceSettings service(Settings settings) {
        return settings.service();
    }

    @Provides
    static LimitSettings limits(Settings settings) {
        return settings.limits();
    }

    @Provides
    static ImageSettings images(Settings settings) {
        return settings.images();
    }

    @Provides
    static JobSettings jobs(Settings settings) {
        return settings.jobs();
    }

    @Provides
    static RewardSettings rewards(Settings settings) {
        return settings.rewards();
    }

    @Provides
    static TraceSettings traces(Settings settings) {
        return settings.traces();
    }
}
