package dev.ecoscan.adapter.http;

import io.helidon.webserver.WebServer;
import io.helidon.webserver.http1.Http1Config;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * The scan API server: its lifecycle (start, drain, close) and the features it is composed of,
 * {@link ClassifyRoutes}, {@link JobRoutes}, {@link CharacterRoutes}, {@link InternalCharacterRoutes}
 * {@link OperationRoutes} and, in dev mode, {@link TryPageRoutes}. Each request runs on its own virtual thread, so a scan waiting on its
 * LLM calls holds no platform thread.
 */
public final class ScanApiServer implements AutoCloseable {

    // The paths bootstrap's banner shows; each is declared by the feature that serves it.
    public static final String CLASSIFY = ClassifyRoutes.CLASSIFY.path();
    public static final String CATEGORIES = ClassifyRoutes.CATEGORIES.path();
    public static final String LIVE = OperationRoutes.LIVE.path();
    public static final String READY = OperationRoutes.READY.path();
    public static final String METRICS = OperationRoutes.METRICS.path();
    public static final String OPENAPI = OperationRoutes.OPENAPI.path();
    /** Dev mode's page to try a scan in a browser. */
    public static final String TRY_PAGE = TryPageRoutes.PAGE.path();
    /** How long {@link #finishScans} waits for the answers of the scans it cut: they go out at once. */
    public static final Duration ANSWERS_AFTER_CUT = Duration.ofMillis(250);

    private final WebServer server;
    private final ApiRouting routing;
    private final RequestReadDeadlines deadlines;
    private final InFlightLimit inFlight;
    private final AtomicBoolean draining;
    private final ScanCutoff cutoff;

    private ScanApiServer(HttpSettings settings, ApiPorts ports, Clock clock) {
        this.deadlines = new RequestReadDeadlines(settings.connections().requestReadTimeout());
        this.inFlight = new InFlightLimit(settings.maxInFlight());
        this.draining = new AtomicBoolean();
        // Where the synchronous scans run, so that the drain can cut those its grace did not cover.
        this.cutoff = new ScanCutoff();
        RouteGuard guard = new RouteGuard(ports.recorder(), deadlines);
        this.routing = new ApiRouting(features(settings, ports, clock, guard), guard);
        this.server = webServer(settings, ports.uploads().maxBodyBytes(), routing, deadlines);
    }

    /** Starts listening; the port is bound when this returns. */
    public static ScanApiServer start(HttpSettings settings, ApiPorts ports, Clock clock) {
        Objects.requireNonNull(clock, "clock");
        ScanApiServer api = new ScanApiServer(settings, ports, clock);
        api.deadlines.start();
        try {
            api.server.start();
        } catch (RuntimeException e) {
            api.deadlines.stop();
            throw e;
        }
        return api;
    }

    /** The features of the API over the ports, in the order their routes are matched. */
    private List<ApiFeature> features(HttpSettings settings, ApiPorts ports, Clock clock, RouteGuard guard) {
        Authenticator authenticator = new Authenticator(settings.auth(), clock);
        JsonBodyReader bodies = new JsonBodyReader(settings.maxBodyBytes(), deadlines);
        MultipartBodyReader uploads = new MultipartBodyReader(ports.uploads(), deadlines);
        ScanRequestReader requests =
                new ScanRequestReader(settings, authenticator, bodies, uploads, ports.urls(), draining::get, clock);
        return List.of(
                new ClassifyRoutes(
                        guard,
                        requests,
                        ports.scans(),
                        inFlight,
                        cutoff,
                        ports.recorder(),
                        ports.calls(),
                        ports.guide()),
                new JobRoutes(
                        guard,
                        requests,
                        authenticator,
                        ports.jobs(),
                        new StreamSlots(settings.streams()),
                        settings.deadline()),
                new CharacterRoutes(guard, authenticator, ports.characters()),
                new InternalCharacterRoutes(
                        guard, settings.serviceToken(), bodies, ports.rewards(), ports.characters()),
                new OperationRoutes(guard, ports.metrics(), inFlight, draining::get, settings.samples()),
                new TryPageRoutes(guard, settings, clock));
    }

    private static WebServer webServer(
            HttpSettings settings, int maxUploadBytes, ApiRouting routing, RequestReadDeadlines deadlines) {
        ConnectionLimits limits = settings.connections();
        return WebServer.builder()
                .host(settings.host())
                .port(settings.port())
                // Our own limit answers with problem+json; Helidon's is a backstop far above it.
                .maxPayloadSize(Math.max(maxUploadBytes + 1024L * 1024, settings.maxBodyBytes() * 4L))
                .backlog(8192)
                // Each connection holds a socket, a virtual thread and its buffers. Past the bound
                // Helidon accepts no more and new ones wait in the backlog. Requests need no bound of
                // their own: over HTTP/1.1 a connection carries one at a time.
                .maxTcpConnections(limits.maxConnections())
                .idleConnectionTimeout(limits.idleTimeout())
                .idleConnectionPeriod(limits.idleCheckPeriod())
                .directHandlers(DirectProblems.handlers(settings.maxBodyBytes()))
                .addProtocol(Http1Config.builder()
                        .maxPrologueLength(ConnectionLimits.MAX_REQUEST_LINE)
                        .maxHeadersSize(ConnectionLimits.MAX_HEADERS)
                        // Helidon's defaults, stated so that a change of default cannot loosen them.
                        .validatePrologue(true)
                        .validatePath(true)
                        .validateRequestHostHeader(true)
                        .addReceiveListener(deadlines)
                        .addSendListener(deadlines.answers())
                        .build())
                .shutdownHook(false)
                .routing(routing::register)
                .build();
    }

    /**
     * Every route the server serves, each as its feature declares it: what the OpenAPI document
     * lists (dev mode adds the sample images and the try-it page, which it does not).
     */
    List<Route> routes() {
        return routing.routes();
    }

    public int port() {
        return server.port();
    }

    /** Scans running now. */
    public int scansInFlight() {
        return inFlight.inFlight();
    }

    /**
     * Stops taking scans (new ones get 503 {@code shutting_down}, readiness turns 503), lets the scans
     * in flight finish for up to {@code grace}, answers those still running 503 (see
     * {@link #finishScans}), then stops the server. For SIGTERM; returns within the grace and
     * {@link #ANSWERS_AFTER_CUT}, plus the server's own stop.
     *
     * @return the scans still in flight when the grace ran out (0 when all finished)
     */
    public int drain(Duration grace) {
        int left = finishScans(grace);
        close();
        return left;
    }

    /**
     * Stops taking scans and jobs: new ones get 503 {@code shutting_down}, and readiness turns 503.
     * Everything else (results, event streams, characters) is still served. For SIGTERM.
     */
    public void stopTakingScans() {
        draining.set(true);
    }

    /**
     * Stops taking scans, waits up to {@code grace} for those in flight, then cuts the ones still
     * running: each is answered 503 {@code shutting_down} at once, never left to a dropped
     * connection, and this waits up to {@link #ANSWERS_AFTER_CUT} for those answers to go out. The
     * server keeps running; stop it with {@link #close()}.
     *
     * @return the scans that were cut (0 when all finished)
     */
    public int finishScans(Duration grace) {
        stopTakingScans();
        long until = System.nanoTime() + grace.toNanos();
        while (inFlight.inFlight() > 0 && until - System.nanoTime() > 0) {
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
        int left = inFlight.inFlight();
        if (left > 0) {
            cutoff.cutAll();
            // A scan holds its slot until its answer is written, so an empty count means all went out.
            long answered = System.nanoTime() + ANSWERS_AFTER_CUT.toNanos();
            while (inFlight.inFlight() > 0 && answered - System.nanoTime() > 0) {
                LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
            }
        }
        return left;
    }

    @Override
    public void close() {
        server.stop();
        deadlines.stop();
    }
}
