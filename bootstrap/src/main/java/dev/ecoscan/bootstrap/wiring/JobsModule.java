package dev.ecoscan.bootstrap.wiring;

import dagger.Module;
import dagger.Provides;
import dev.ecoscan.adapter.http.HttpSettings;
import dev.ecoscan.adapter.metrics.EcoScanMetrics;
import dev.ecoscan.adapter.redis.RedisJobQueue;
import dev.ecoscan.adapter.redis.RedisJobs;
import dev.ecoscan.application.ScanWaste;
import dev.ecoscan.application.jobs.InProcessJobQueue;
import dev.ecoscan.application.jobs.JobRetention;
import dev.ecoscan.bootstrap.config.Setting;
import dev.ecoscan.bootstrap.config.Settings;
import dev.ecoscan.bootstrap.config.SettingsException;
import dev.ecoscan.data.KnowledgeBase;
import dev.ecoscan.domain.port.JobQueue;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * Asynchronous scans by {@code ECO_SCAN_QUEUE}: {@code memory} runs them in this process;
 * {@code redis} queues them on Redis Streams at {@code ECO_SCAN_REDIS_URL}, for {@code eco-scan worker}
 * processes to run.
 */
@Module
interface JobsModule {

    /** Jobs waiting in Redis at most; past it submissions get 503 rather than a queue of hours. */
    long MAX_QUEUED = 100_000;

    @Provides
    @Singleton
    static JobQueue jobQueue(Settings settings, Provider<InProcessJobQueue> memory, Provider<RedisJobQueue> redis) {
        return usesRedis(settings) ? redis.get() : memory.get();
    }

    @Provides
    @Singleton
    static InProcessJobQueue inProcess(
            Settings settings, ScanWaste scans, HttpSettings http, Clock clock, EcoScanMetrics metrics) {
        return new InProcessJobQueue(scans, http.maxInFlight(), retention(settings), clock, metrics);
    }

    @Provides
    @Singleton
    static RedisJobQueue redis(
            Settings settings, Resources resources, KnowledgeBase knowledge, Clock clock, LlmEndpoint llm) {
        String url = settings.value(Setting.ECO_SCAN_REDIS_URL)
                .orElseThrow(() -> new SettingsException(
                        "ECO_SCAN_QUEUE=redis needs ECO_SCAN_REDIS_URL, e.g. redis://127.0.0.1:6379"));
        RedisJobs redis = resources.register(new RedisJobs(url));
        // One blocking read per event stream at most, so no stream waits for a connection.
        return new RedisJobQueue(
                redis,
                knowledge,
                MAX_QUEUED,
                retention(settings),
                HttpModule.streamLimits(settings, llm).total(),
                clock);
    }

    /** Finished jobs and their idempotency keys: an hour and 10,000 unless set. */
    static JobRetention retention(Settings settings) {
        return new JobRetention(
                settings.duration(Setting.ECO_SCAN_JOB_RETENTION, JobRetention.DEFAULT_AGE),
                settings.integer(Setting.ECO_SCAN_JOB_RETENTION_MAX, JobRetention.DEFAULT_COUNT));
    }

    static boolean usesRedis(Settings settings) {
        return settings.text(Setting.ECO_SCAN_QUEUE, "memory").equals("redis");
    }
}
