package dev.ecoscan.bootstrap;

import dagger.Binds;
import dagger.Module;
import dagger.Provides;
import dev.ecoscan.adapter.metrics.EcoScanMetrics;
import dev.ecoscan.adapter.redis.RedisJobQueue;
import dev.ecoscan.adapter.redis.RedisJobWorker;
import dev.ecoscan.adapter.redis.RedisWorkerSettings;
import dev.ecoscan.application.port.ScanWaste;
import dev.ecoscan.bootstrap.config.ServiceSettings;
import dev.ecoscan.bootstrap.config.Settings;
import dev.ecoscan.bootstrap.wiring.MetricsModule;
import dev.ecoscan.bootstrap.wiring.RedisModule;
import dev.ecoscan.bootstrap.wiring.Resources;
import dev.ecoscan.bootstrap.wiring.SafeUrlImagesModule;
import dev.ecoscan.domain.port.ModelCallRecorder;
import jakarta.inject.Singleton;
import java.time.Duration;

/**
 * What the worker adds to the core: safe URLs only, metrics (its model calls are only counted: no
 * log line names their endpoints), and the Redis worker with the endpoint that serves its metrics.
 */
@Module(includes = {MetricsModule.class, SafeUrlImagesModule.class, RedisModule.class})
interface WorkerModule {

    @Binds
    ModelCallRecorder modelCalls(EcoScanMetrics metrics);

    /** The worker and its gauges; {@code ECO_SCAN_QUEUE} is the command's to check. */
    @Provides
    @Singleton
    static RedisJobWorker worker(RedisJobQueue jobs, ScanWaste scans, Settings settings, EcoScanMetrics metrics) {
        Duration reclaimAfter = settings.jobs().reclaimAfter();
        // Each worker renews its own claims four times per reclaim period, so a slow live job is never taken.
        // On SIGTERM its jobs get the drain's time for work; the reserve covers its wait for the
        // threads it then interrupts (at most 2 s) and the closing of the resources.
        RedisJobWorker worker = new RedisJobWorker(
                jobs,
                scans,
                new RedisWorkerSettings(
                        settings.jobs().workerConcurrency(),
                        reclaimAfter,
                        reclaimAfter.dividedBy(4),
                        DrainGrace.of(settings).forWork()),
                metrics);
        metrics.gauge("scan_jobs_queue_depth", "asynchronous scans waiting in Redis or running", worker::queueDepth);
        metrics.gauge("scan_jobs_running", "jobs this worker is running", worker::running);
        return worker;
    }

    /** A worker needs no HTTP settings (no auth): only where to listen. */
    @Provides
    @Singleton
    static WorkerMetricsEndpoint metricsEndpoint(ServiceSettings service, EcoScanMetrics metrics, Resources resources) {
        return resources.register(WorkerMetricsEndpoint.start(service.host(), service.port(), metrics));
    }
}
