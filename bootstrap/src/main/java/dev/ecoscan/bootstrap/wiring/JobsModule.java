package dev.ecoscan.bootstrap.wiring;

import dagger.Module;
import dagger.Provides;
import dev.ecoscan.adapter.http.HttpSettings;
import dev.ecoscan.adapter.metrics.EcoScanMetrics;
import dev.ecoscan.adapter.redis.RedisJobQueue;
import dev.ecoscan.adapter.redis.RedisJobs;
import dev.ecoscan.application.ScanWaste;
import dev.ecoscan.application.jobs.InProcessJobQueue;
import dev.ecoscan.bootstrap.config.Setting;
import dev.ecoscan.bootstrap.config.Settings;
import dev.ecoscan.bootstrap.config.SettingsException;
import dev.ecoscan.data.KnowledgeBase;
import dev.ecoscan.domain.port.JobQueue;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;

/**
 * Asynchronous scans by {@code ECO_SCAN_QUEUE}: {@code memory} runs them in this process;
 * {@code redis} queues them on Redis Streams at {@code ECO_SCAN_REDIS_URL}, for {@code eco-scan worker}
 * processes to run.
 */
@Module
interface JobsModule {

    Duration RETENTION = Duration.ofHours(1);
    /** Jobs waiting in Redis at most; past it submissions get 503 rather than a queue of hours. */
    long MAX_QUEUED = 100_000;

    @Provides
    @Singleton
    static JobQueue jobQueue(Settings settings, Provider<InProcessJobQueue> memory, Provider<RedisJobQueue> redis) {
        return usesRedis(settings) ? redis.get() : memory.get();
    }

    @Provides
    @Singleton
    static InProcessJobQueue inProcess(ScanWaste scans, HttpSettings http, Clock clock, EcoScanMetrics metrics,
                                       StepRelay relay) {
        InProcessJobQueue queue = new InProcessJobQueue(scans, http.maxInFlight(), RETENTION, clock, metrics);
        relay.attach(queue);
        return queue;
    }

    @Provides
    @Singleton
    static RedisJobQueue redis(Settings settings, Resources resources, KnowledgeBase knowledge, Clock clock) {
        String url = settings.value(Setting.ECO_SCAN_REDIS_URL).orElseThrow(() ->
                new SettingsException("ECO_SCAN_QUEUE=redis needs ECO_SCAN_REDIS_URL, e.g. redis://127.0.0.1:6379"));
        RedisJobs redis = resources.register(new RedisJobs(url));
        return new RedisJobQueue(redis, knowledge, MAX_QUEUED, RETENTION, clock);
    }

    @Provides
    @Singleton
    static StepRelay relay() {
        return new StepRelay();
    }

    static boolean usesRedis(Settings settings) {
        return settings.text(Setting.ECO_SCAN_QUEUE, "memory").equals("redis");
    }
}
