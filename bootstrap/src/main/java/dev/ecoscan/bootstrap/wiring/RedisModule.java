package dev.ecoscan.bootstrap.wiring;

import dagger.Module;
import dagger.Provides;
import dev.ecoscan.adapter.redis.RedisJobQueue;
import dev.ecoscan.adapter.redis.RedisJobs;
import dev.ecoscan.bootstrap.config.JobSettings;
import dev.ecoscan.bootstrap.config.LimitSettings;
import dev.ecoscan.bootstrap.config.SettingsException;
import dev.ecoscan.data.KnowledgeBase;
import jakarta.inject.Singleton;
import java.time.Clock;

/** The job queue on Redis Streams at {@code ECO_SCAN_REDIS_URL}: the service submits to it, workers run it. */
@Module
public interface RedisModule {

    /** Jobs waiting in Redis at most; past it submissions get 503 rather than a queue of hours. */
    long MAX_QUEUED = 100_000;

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
