package dev.ecoscan.bootstrap;

import dagger.Module;
import dagger.Provides;
import dev.ecoscan.adapter.http.ApiPorts;
import dev.ecoscan.adapter.http.HttpObserver;
import dev.ecoscan.adapter.http.HttpSettings;
import dev.ecoscan.adapter.http.MetricsScrape;
import dev.ecoscan.adapter.http.ScanApiServer;
import dev.ecoscan.adapter.images.ImageFetchPolicy;
import dev.ecoscan.adapter.metrics.EcoScanMetrics;
import dev.ecoscan.adapter.metrics.Scrape;
import dev.ecoscan.adapter.redis.RedisJobQueue;
import dev.ecoscan.application.ScanWaste;
import dev.ecoscan.application.calls.ModelCallLog;
import dev.ecoscan.application.jobs.InProcessJobQueue;
import dev.ecoscan.bootstrap.wiring.Rewards;
import dev.ecoscan.data.KnowledgeBase;
import dev.ecoscan.domain.port.JobQueue;
import jakarta.inject.Singleton;
import java.time.Clock;

/** The HTTP adapter: the ports the API serves and reports through, and the server on them. */
@Module
interface HttpApiModule {

    /** Starts the server, and publishes its gauges and the job queue's. */
    @Provides
    @Singleton
    static ScanApiServer server(
            HttpSettings http,
            ScanWaste scans,
            JobQueue jobs,
            KnowledgeBase knowledge,
            Rewards rewards,
            ImageFetchPolicy images,
            EcoScanMetrics metrics,
            ModelCallLog calls,
            Clock clock) {
        ApiPorts ports = new ApiPorts(
                scans,
                jobs,
                knowledge.guide(),
                new CharacterServiceBridge(rewards, knowledge.taxonomy(), clock),
                images::refusal,
                accept -> {
                    Scrape scrape = metrics.scrape(accept);
                    return new MetricsScrape.Scrape(scrape.contentType(), scrape.body());
                },
                HttpObserver.of(metrics::recordHttp, metrics::recordScan, calls::takeServedBy));
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
