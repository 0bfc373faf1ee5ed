package dev.ecoscan.bootstrap;

import dev.ecoscan.adapter.http.ApiPorts;
import dev.ecoscan.adapter.http.AuthSettings;
import dev.ecoscan.adapter.http.DevTokens;
import dev.ecoscan.adapter.http.HttpSettings;
import dev.ecoscan.adapter.http.ScanApiServer;
import dev.ecoscan.adapter.metrics.EcoScanMetrics;
import dev.ecoscan.adapter.redis.RedisJobQueue;
import dev.ecoscan.application.characters.GrantRewardService;
import dev.ecoscan.application.characters.ListCharactersService;
import dev.ecoscan.application.jobs.InProcessJobQueue;
import dev.ecoscan.application.jobs.ScanJobService;
import dev.ecoscan.bootstrap.wiring.EcoScanComponent;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The HTTP service started on an engine: the server, its metrics bridge, and the banner a person
 * needs to try it (in dev mode, a short-lived token and a working curl).
 */
record RunningService(ScanApiServer server, String baseUrl, Optional<String> devToken, List<String> banner) {

    static RunningService start(EcoScanComponent engine, Clock clock) {
        EcoScanMetrics metrics = engine.metrics();
        HttpSettings http = engine.httpSettings();
        ApiPorts ports = new ApiPorts(
                engine.scanWaste(),
                new ScanJobService(engine.jobQueue()),
                engine.knowledge().guide(),
                new GrantRewardService(
                        engine.knowledge().taxonomy(), engine.rewards().matcher(), clock),
                new ListCharactersService(engine.rewards().collection()),
                engine.imagePolicy()::refusal,
                metrics,
                metrics,
                engine.modelCalls());
        ScanApiServer server = ScanApiServer.start(http, ports, clock);
        metrics.gaugeScansInFlight(server::scansInFlight);
        switch (engine.jobQueue()) {
            case InProcessJobQueue inProcess ->
                metrics.gauge("scan_jobs_unfinished", "asynchronous scans queued or running", inProcess::unfinished);
            case RedisJobQueue redis ->
                metrics.gauge(
                        "scan_jobs_queue_depth", "asynchronous scans waiting in Redis or running", redis::queueDepth);
            default -> {}
        }

        boolean dev = engine.settings().service().dev();
        String host = http.host().equals("0.0.0.0") ? "127.0.0.1" : http.host();
        String base = "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + server.port();
        List<String> banner = new ArrayList<>();
        banner.add(
                "eco-scan serving on " + base + " (" + (dev ? "dev" : "prod") + " mode, at most " + http.maxInFlight()
                        + " scans in flight, deadline " + http.deadline().toSeconds() + " s)");
        banner.add("  POST " + base + ScanApiServer.CLASSIFY + "   GET " + base + ScanApiServer.CATEGORIES);
        banner.add("  GET  " + base + ScanApiServer.METRICS + "   " + base + ScanApiServer.OPENAPI + "   " + base
                + ScanApiServer.LIVE + "   " + base + ScanApiServer.READY);
        if (dev && !engine.settings().service().loopbackListener()) {
            banner.add("WARNING: dev mode on " + http.host() + ", which others can reach (ECO_SCAN_MODE=dev was set):"
                    + " the built-in simulator if no provider is set, dev tokens, loopback image URLs and no rate limit."
                    + " Unset ECO_SCAN_MODE for prod, the default on a public listener.");
        }
        Optional<String> token = Optional.empty();
        if (dev && http.auth().mode() == AuthSettings.Mode.JWT) {
            token = Optional.of(DevTokens.mint(http.auth(), UUID.randomUUID(), Duration.ofHours(1), clock));
            String image =
                    http.samples().isPresent() ? base + "/samples/milk-carton.png" : "https://example.com/photo.png";
            banner.add("Dev token (valid 1 hour, this process only). Try:");
            banner.add(
                    "  curl -s " + base + ScanApiServer.CLASSIFY + " -H 'Content-Type: application/json' -b 's_access="
                            + token.get() + "' -d '{\"image_url\":\"" + image + "\",\"user_input\":\"\"}'");
        }
        return new RunningService(server, base, token, List.copyOf(banner));
    }
}
