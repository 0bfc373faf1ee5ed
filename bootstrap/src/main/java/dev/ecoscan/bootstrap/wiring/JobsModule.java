package dev.ecoscan.bootstrap.wiring;

import dagger.Binds;
import dagger.Module;
import dagger.Provides;
import dev.ecoscan.adapter.http.HttpSettings;
import dev.ecoscan.adapter.metrics.EcoScanMetrics;
import dev.ecoscan.adapter.redis.RedisJobQueue;
import dev.ecoscan.application.jobs.InProcessJobQueue;
import dev.ecoscan.application.jobs.ScanJobService;
import dev.ecoscan.application.port.ScanJobs;
import dev.ecoscan.application.port.ScanWaste;
import dev.ecoscan.bootstrap.config.JobSettings;
import dev.ecoscan.domain.port.JobQueue;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * The service's asynchronous scans by {@code ECO_SCAN_QUEUE}: {@code memory} runs them in this
 * process; {@code redis} queues them on Redis Streams ({@link RedisModule}), for {@code eco-scan
 * worker} processes to run.
 */
@Module(includes = RedisModule.class)
public interface JobsModule {

    @Binds
    ScanJobs scanJobs(ScanJobService service);

    @Provides
    static ScanJobService scanJobService(JobQueue queue) {
        return new ScanJobService(queue);
    }

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
}
