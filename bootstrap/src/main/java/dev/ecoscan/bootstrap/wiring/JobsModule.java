package dev.ecoscan.bootstrap.wiring;

import dagger.Module;
import dagger.Provides;
import dev.ecoscan.adapter.http.HttpSettings;
import dev.ecoscan.adapter.metrics.EcoScanMetrics;
import dev.ecoscan.adapter.redis.RedisJobQueue;
import dev.ecoscan.adapter.redis.RedisJobs;
import dev.ecoscan.application.jobs.InProcessJobQueue;
import dev.ecoscan.application.port.ScanWaste;
import dev.ecoscan.bootstrap.config.JobSettings;
import dev.ecoscan.bootstrap.config.LimitSettings;
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
    static JobQueue jobQueue(JobSettings jobs, Provider<InProcessJobQueue> memory, Provider<RedisJobQueue> redis) {
        return jobs.redis() ? redis.get() : memory.get();
    }

    @Provides
    @Singleton
    static InProcessJobQueue inProcess(
            JobSettings jobs, ScanWaste scans, HttpSettings http, Clock clock, EcoScanMetrics metrics) {
        return new InProcessJobQueue(scans, http.maxInFlight(), jobs.retention(), clock, metrics);
    }

    @Provides
    @Singleton
    static RedisJobQueue redis(
            JobSettings jobs, LimitSettings limits, Resources resources, KnowledgeBase knowledge, Clock clock) {
        String url = jobs.redisUrl()
                .orElseThrow(() -> new SettingsException(
                        "ECO_SCAN_QUEUE=redis needs ECO_SCAN_REDIS_URL, e.g. redis://127.0.0.1:6379"));
        RedisJobs redis = resources.register(new RedisJobs(url));
        // One blocking read per event stream at most, so no stream waits for a connection.
        return new RedisJobQueue(
                redis,
                knowledge.guide(),
                knowledge.characters(),
                MAX_QUEUED,
                jobs.retention(),
                HttpModule.streamLimits(limits).total(),
                clock);
    }
}
