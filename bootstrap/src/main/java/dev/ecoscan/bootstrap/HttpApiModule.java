package dev.ecoscan.bootstrap;

import dagger.Module;
import dagger.Provides;
import dev.ecoscan.adapter.http.ApiPorts;
import dev.ecoscan.adapter.http.HttpSettings;
import dev.ecoscan.adapter.http.ImageUploads;
import dev.ecoscan.adapter.http.ScanApiServer;
import dev.ecoscan.adapter.images.ImageFetchPolicy;
import dev.ecoscan.adapter.metrics.EcoScanMetrics;
import dev.ecoscan.adapter.redis.RedisJobQueue;
import dev.ecoscan.application.calls.ModelCallLog;
import dev.ecoscan.application.images.ImageBudget;
import dev.ecoscan.application.jobs.InProcessJobQueue;
import dev.ecoscan.application.port.GrantReward;
import dev.ecoscan.application.port.ListCharacters;
import dev.ecoscan.application.port.ScanJobs;
import dev.ecoscan.application.port.ScanWaste;
import dev.ecoscan.data.KnowledgeBase;
import dev.ecoscan.domain.port.JobQueue;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Optional;

/** The HTTP adapter: the ports the API serves and reports through, and the server on them. */
@Module
interface HttpApiModule {

    /** Starts the server, and publishes its gauges and the job queue's. */
    @Provides
    @Singleton
    static ScanApiServer server(
            HttpSettings http,
            ScanWaste scans,
            ScanJobs scanJobs,
            JobQueue jobs,
            KnowledgeBase knowledge,
            GrantReward rewards,
            ListCharacters characters,
            ImageFetchPolicy images,
            ImageBudget budget,
            EcoScanMetrics metrics,
            ModelCallLog calls,
            Clock clock) {
        // An uploaded photo meets the same size and type rules as a fetched one, and the same budget.
        ImageUploads uploads =
                new ImageUploads(images.maxBytes(), images::imageType, images.acceptedTypesText(), Optional.of(budget));
        ApiPorts ports = new ApiPorts(
                scans,
                scanJobs,
                knowledge.guide(),
                rewards,
                characters,
                images::refusal,
                uploads,
                metrics,
                metrics,
                calls);
        ScanApiServer server = ScanApiServer.start(http, ports, clock);
        metrics.gaugeScansInFlight(server::scansInFlight);
        switch (jobs) {
            case InProcessJobQueue inProcess ->
                metrics.gauge("scan_jobs_unfinished", "asynchronous scans queued or running", inProcess::unfinished);
            case RedisJobQueue redis ->
                metrics.gauge(
                        "scan_jobs_queue_depth", "asynchronous scans waiting in Redis or running", redis::queueDepth);
            default -> {}
        }
        return server;
    }
}
