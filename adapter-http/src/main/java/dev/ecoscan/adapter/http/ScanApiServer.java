package dev.ecoscan.adapter.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecoscan.application.ScanWaste;
import dev.ecoscan.domain.job.Job;
import dev.ecoscan.domain.port.CharacterCollection;
import dev.ecoscan.domain.port.JobQueue;
import dev.ecoscan.domain.scan.ImageReference;
import dev.ecoscan.domain.scan.ScanId;
import dev.ecoscan.domain.scan.ScanOutcome;
import dev.ecoscan.domain.scan.ScanRequest;
import dev.ecoscan.domain.scan.UserId;
import io.helidon.http.HeaderNames;
import io.helidon.http.HttpException;
import io.helidon.http.Method;
import io.helidon.http.RequestException;
import io.helidon.webserver.CloseConnectionException;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.helidon.webserver.http1.Http1Config;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * The scan API: the reference system's routes and body, problem+json errors with stable codes,
 * authentication, a bound on scans in flight, and per-scan deadlines. Each request runs on its own
 * virtual thread, so a scan waiting on its LLM calls holds no platform thread.
 */
public final class ScanApiServer implements AutoCloseable {

    public static final String CLASSIFY = "/api/v1/scan/classify";
    public static final String IDEMPOTENCY_HEADER = "X-Idempotency-Key";
    public static final String CATEGORIES = "/api/v1/scan/categories";
    public static final String LIVE = "/health/live";
    public static final String READY = "/health/ready";
    public static final String METRICS = "/metrics";
    public static final String OPENAPI = "/openapi.yaml";
    public static final String SAMPLES = "/samples/{file}";
    public static final String JOBS = "/api/v1/scan";
    public static final String JOB_RESULT = "/api/v1/scan/{job_id}/result";
    public static final String JOB_EVENTS = "/api/v1/scan/{job_id}/events";
    public static final String MY_CHARACTERS = "/api/v1/users/me/characters";
    public static final String INTERNAL_REWARDS = "/api/v1/internal/characters/rewards";
    public static final String INTERNAL_OWNED = "/api/v1/internal/characters/users/{user_id}";
    /**
     * The path a request is observed under when no route takes it: an unknown path (404), or a
     * method its path does not take (405). Like {@link #OTHER_METHOD}, it keeps what a client makes
     * up from adding series to the metrics.
     */
    public static final String UNMATCHED = "unmatched";
    /** The method a request is observed under when it is none of the standard nine. */
    public static final String OTHER_METHOD = "other";
    /** How long {@link #finishScans} waits for the answers of the scans it cut: they go out at once. */
    public static final Duration ANSWERS_AFTER_CUT = Duration.ofMillis(250);

    /** Every route and its methods, as the OpenAPI document must list them. */
    public static final List<String> ROUTES = List.of(
            "POST " + CLASSIFY,
            "POST " + JOBS,
            "GET " + JOB_RESULT,
            "GET " + JOB_EVENTS,
            "GET " + CATEGORIES,
            "GET " + MY_CHARACTERS,
            "POST " + INTERNAL_REWARDS,
            "GET " + INTERNAL_OWNED,
            "GET " + LIVE,
            "GET " + READY,
            "GET " + METRICS,
            "GET " + OPENAPI);

    /** Unexpected failures of a request, logged once with their stack trace. */
    private static final System.Logger LOG = System.getLogger("eco-scan.http");
    /** RFC 9110's methods and RFC 5789's PATCH. Helidon reads a method in upper case, so "get" is GET. */
    private static final Set<String> STANDARD_METHODS =
            Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS", "TRACE", "PATCH");

    private final WebServer server;
    private final InFlightLimit inFlight;
    private final AtomicBoolean draining;
    private final ScanCutoff cutoff;

    private ScanApiServer(WebServer server, InFlightLimit inFlight, AtomicBoolean draining, ScanCutoff cutoff) {
        this.server = server;
        this.inFlight = inFlight;
        this.draining = draining;
        this.cutoff = cutoff;
    }

    /** Starts listening; the port is bound when this returns. */
    public static ScanApiServer start(HttpSettings settings, ApiPorts ports, Clock clock) {
        InFlightLimit inFlight = new InFlightLimit(settings.maxInFlight());
        AtomicBoolean draining = new AtomicBoolean();
        Routes routes = new Routes(settings, ports, clock, inFlight, draining);
        ConnectionLimits limits = settings.connections();
        WebServer server = WebServer.builder()
                .host(settings.host())
                .port(settings.port())
                // Our own limit answers with problem+json; Helidon's is a backstop far above it.
                .maxPayloadSize(Math.max(1024L * 1024, settings.maxBodyBytes() * 4L))
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
                        .addReceiveListener(routes.deadlines)
                        .addSendListener(routes.deadlines.answers())
                        .build())
                .shutdownHook(false)
                .routing(routes::register)
                .build()
                .start();
        return new ScanApiServer(server, inFlight, draining, routes.cutoff);
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
        server.stop();
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
    }

    /** The handlers, each wrapped so its request is observed under its route template. */
    private static final class Routes {

        private final HttpSettings settings;
        private final ScanWaste scans;
        private final JobQueue jobs;
        private final CharacterService characters;
        private final ImageUrlCheck urls;
        private final MetricsScrape metrics;
        private final HttpObserver observer;
        private final Clock clock;
        private final InFlightLimit inFlight;
        private final AtomicBoolean draining;
        /** Where the synchronous scans run, so that the drain can cut those its grace did not cover. */
        final ScanCutoff cutoff = new ScanCutoff();

        private final Authenticator authenticator;
        private final Optional<UserRateLimiter> rateLimiter;
        private final StreamSlots streams;
        private final byte[] categories;
        private final dev.ecoscan.domain.rule.Guide guide;
        private final byte[] openApi;
        /** How long a client may take over a request; the listener is Helidon's, the rest the handlers'. */
        final RequestReadDeadlines deadlines;

        Routes(HttpSettings settings, ApiPorts ports, Clock clock, InFlightLimit inFlight, AtomicBoolean draining) {
            this.settings = settings;
            this.scans = ports.scans();
            this.jobs = ports.jobs();
            this.characters = ports.characters();
            this.urls = ports.urls();
            this.metrics = ports.metrics();
            this.observer = ports.observer();
            this.clock = Objects.requireNonNull(clock, "clock");
            this.inFlight = inFlight;
            this.draining = draining;
            this.authenticator = new Authenticator(settings.auth(), clock);
            this.rateLimiter = settings.rateLimit().map(UserRateLimiter::new);
            this.streams = new StreamSlots(settings.streams());
            this.categories = CategoriesBody.of(ports.taxonomy());
            this.guide = ports.guide();
            this.openApi = resource("openapi.yaml");
            this.deadlines = new RequestReadDeadlines(settings.connections().requestReadTimeout());
        }

        /** The public routes, "METHOD path" to handler; {@link #ROUTES} and the OpenAPI document list the same. */
        Map<String, Handler> table() {
            Map<String, Handler> table = new LinkedHashMap<>();
            table.put("POST " + CLASSIFY, this::classify);
            table.put("POST " + JOBS, this::submitJob);
            table.put("GET " + JOB_RESULT, this::jobResult);
            table.put("GET " + JOB_EVENTS, this::jobEvents);
            table.put("GET " + CATEGORIES, (req, res) -> {
                res.header(HeaderNames.CONTENT_TYPE, Responses.JSON_TYPE);
                res.header(HeaderNames.CACHE_CONTROL, "public, max-age=300");
                // ?q= searches the taxonomy with advice per match; without it, the whole tree as before.
                res.send(CategoriesBody.query(req.query().first("q").asOptional(), guide)
                        .orElse(categories));
            });
            table.put("GET " + MY_CHARACTERS, (req, res) -> owned(res, authenticator.authenticate(req)));
            table.put("POST " + INTERNAL_REWARDS, (req, res) -> {
                requireServiceToken(req);
                requireJson(req);
                byte[] answer;
                try {
                    answer = characters.reward(readBody(req));
                } catch (IllegalArgumentException e) {
                    throw new ProblemException(ProblemCode.INVALID_REQUEST, e.getMessage());
                } catch (CharacterCollection.CollectionUnavailableException e) {
                    throw rewardsUnavailable(e);
                }
                res.header(HeaderNames.CONTENT_TYPE, Responses.JSON_TYPE);
                res.send(answer);
            });
            table.put("GET " + INTERNAL_OWNED, (req, res) -> {
                requireServiceToken(req);
                String user = req.path().pathParameters().get("user_id");
                try {
                    owned(res, new UserId(java.util.UUID.fromString(user).toString()));
                } catch (IllegalArgumentException e) {
                    throw new ProblemException(ProblemCode.INVALID_REQUEST, "user_id must be a UUID");
                }
            });
            table.put(
                    "GET " + LIVE, (req, res) -> Responses.text(res, 200, Responses.JSON_TYPE, "{\"status\":\"UP\"}"));
            table.put("GET " + READY, this::ready);
            table.put("GET " + METRICS, (req, res) -> {
                MetricsScrape.Scrape scrape =
                        metrics.scrape(req.headers().first(HeaderNames.ACCEPT).orElse("text/plain"));
                Responses.text(res, 200, scrape.contentType(), scrape.body());
            });
            table.put("GET " + OPENAPI, (req, res) -> {
                res.header(HeaderNames.CONTENT_TYPE, "application/yaml");
                res.send(openApi);
            });
            return table;
        }

        void register(HttpRouting.Builder routing) {
            Map<String, Handler> table = table();
            if (!List.copyOf(table.keySet()).equals(ROUTES)) {
                throw new IllegalStateException("ROUTES must list the routes the server registers: " + table.keySet());
            }
            // No routes of its own: it runs the read deadlines' sweeper while the server runs.
            routing.register(new HttpService() {
                @Override
                public void routing(HttpRules rules) {}

                @Override
                public void beforeStart() {
                    deadlines.start();
                }

                @Override
                public void afterStop() {
                    deadlines.stop();
                }
            });
            table.forEach((route, handler) -> {
                Method method = Method.create(route.substring(0, route.indexOf(' ')));
                String path = route.substring(route.indexOf(' ') + 1);
                // Scrapes are not requests of the API; counting them would drown the route's own series.
                routing.route(method, path, path.equals(METRICS) ? guarded(path, handler) : observed(path, handler));
            });
            settings.samples()
                    .ifPresent(folder ->
                            routing.get(SAMPLES, observed(SAMPLES, (req, res) -> sample(folder, req, res))));
            // A route is a method and a path: a request that matches none is observed as unmatched,
            // whatever its path, so neither a made-up path nor a wrong method adds a series per value.
            for (String route : ROUTES) {
                String path = route.substring(route.indexOf(' ') + 1);
                routing.any(path, observed(UNMATCHED, (req, res) -> {
                    throw new ProblemException(
                            ProblemCode.METHOD_NOT_ALLOWED,
                            req.prologue().method().text() + " is not allowed on " + path);
                }));
            }
            routing.any(observed(UNMATCHED, (req, res) -> {
                throw new ProblemException(
                        ProblemCode.NOT_FOUND,
                        "there is nothing at " + req.path().path());
            }));
            routing.error(ProblemException.class, (req, res, e) -> Responses.problem(res, e.problem()));
            // What the handlers' guard let through. Helidon's own exceptions carry their status: left
            // unanswered here, Helidon sends it. The rest (out of memory...) is unexpected.
            routing.error(Throwable.class, (req, res, e) -> {
                if (!(e instanceof HttpException)) {
                    answerUnexpected("(route unknown)", req, res, e);
                }
            });
        }

        /**
         * Answers the handler's problems, and any exception it did not expect as a logged 500.
         * Helidon's own exceptions (they carry their status) and a failed connection pass through.
         */
        private Handler guarded(String template, Handler handler) {
            return (req, res) -> {
                deadlines.guardAnswer(res);
                try {
                    handler.handle(req, res);
                } catch (ProblemException e) {
                    Responses.problem(res, e.problem());
                } catch (HttpException
                        | RequestException
                        | CloseConnectionException
                        | IOException
                        | UncheckedIOException e) {
                    throw e;
                } catch (VirtualMachineError e) {
                    // Out of memory, a stack overflow: the less done here the better.
                    throw e;
                } catch (Throwable e) {
                    answerUnexpected(template, req, res, e);
                }
                // Answered: a body the handler did not need is dropped within the request's time.
                deadlines.settle(req);
            };
        }

        /**
         * Logs the failure once, with its stack trace, and answers {@code internal_error}. Only the
         * route, the method label and the scan's task_id are logged: never the body or a header.
         */
        private static void answerUnexpected(String template, ServerRequest req, ServerResponse res, Throwable e) {
            Optional<String> task = req.context().get(ScanId.class).map(ScanId::toString);
            LOG.log(
                    System.Logger.Level.ERROR,
                    "unexpected error answered 500 on " + methodLabel(req) + " " + template
                            + task.map(id -> ", task_id " + id).orElse(""),
                    e);
            Problem problem = Problem.of(ProblemCode.INTERNAL_ERROR, "an unexpected error; it has been logged");
            try {
                Responses.problem(res, task.map(problem::forTask).orElse(problem));
            } catch (IllegalStateException | UncheckedIOException alreadyUnderWay) {
                // Part of the answer is out (a stream of events): it cannot become a 500, so the
                // connection ends here.
                throw new CloseConnectionException("the response was under way when its handler failed", e);
            }
        }

        /** The request's method if it is a standard one, else {@link #OTHER_METHOD}: clients choose the token. */
        private static String methodLabel(ServerRequest req) {
            String method = req.prologue().method().text();
            return STANDARD_METHODS.contains(method) ? method : OTHER_METHOD;
        }

        /**
         * Times the guarded handler and reports it under its template, however it ends, with the
         * status the client is sent: the 500 of an unexpected exception is set before this reads it.
         */
        private Handler observed(String template, Handler handler) {
            Handler guarded = guarded(template, handler);
            return (req, res) -> {
                long start = System.nanoTime();
                int sent = 0;
                try {
                    guarded.handle(req, res);
                } catch (RequestReadDeadlines.TooSlowException e) {
                    // The client had its 408 from the deadlines' sweeper, not through this response.
                    sent = ProblemCode.REQUEST_TIMEOUT.status();
                    throw e;
                } catch (HttpException e) {
                    sent = e.status().code();
                    throw e;
                } catch (RequestException e) {
                    sent = e.status().code();
                    throw e;
                } catch (VirtualMachineError e) {
                    // Let through by the guard: the catch-all error handler answers it with a 500.
                    sent = 500;
                    throw e;
                } finally {
                    observer.request(
                            methodLabel(req),
                            template,
                            sent != 0 ? sent : res.status().code(),
                            Duration.ofNanos(System.nanoTime() - start));
                }
            };
        }

        private void classify(ServerRequest req, ServerResponse res) {
            long start = System.nanoTime();
            ParsedScan parsed = parseScan(req);
            if (!inFlight.tryEnter()) {
                throw new ProblemException(Problem.of(
                                ProblemCode.OVERLOADED,
                                "eco-scan is at its bound of " + inFlight.limit() + " scans in flight")
                        .retryAfter(1));
            }
            ScanOutcome outcome;
            try {
                Optional<ScanOutcome> finished = cutoff.run(scans, parsed.request());
                if (finished.isEmpty()) {
                    // Cut at the end of the drain's grace: answered while the server still runs.
                    Responses.problem(
                            res,
                            Problem.of(
                                            ProblemCode.SHUTTING_DOWN,
                                            "this instance shut down before the scan finished; retry on another")
                                    .retryAfter(1)
                                    .forTask(parsed.request().id().toString()));
                    return;
                }
                outcome = finished.get();
                observer.scan(outcome);
                // Answered before the slot is given back, so a drain that sees no scan in flight
                // knows every answer went out.
                answer(res, outcome);
            } finally {
                inFlight.leave();
            }
            ScanLog.log(
                    outcome,
                    res.status().code(),
                    Duration.ofNanos(System.nanoTime() - start),
                    observer.servedBy(outcome.scanId()));
        }

        /** A scan's request as both the synchronous and the asynchronous route take it. */
        private record ParsedScan(ScanRequest request) {}

        private ParsedScan parseScan(ServerRequest req) {
            UserId user = authenticator.authenticate(req);
            rateLimiter.flatMap(limiter -> limiter.refusal(user)).ifPresent(wait -> {
                throw new ProblemException(Problem.of(
                                ProblemCode.RATE_LIMITED,
                                "at most "
                                        + settings.rateLimit().orElseThrow().permits() + " scans per "
                                        + settings.rateLimit()
                                                .orElseThrow()
                                                .period()
                                                .toSeconds() + " s per user")
                        .retryAfter((int) Math.max(1, (wait.toMillis() + 999) / 1000)));
            });
            requireJson(req);
            ClassifyRequest body = ClassifyRequest.parse(readBody(req), settings.maxUserInput());
            urls.refusal(body.imageUrl()).ifPresent(reason -> {
                throw new ProblemException(ProblemCode.IMAGE_URL_NOT_ALLOWED, reason);
            });
            ImageReference image;
            try {
                image = ImageReference.parse(body.imageUrl());
            } catch (IllegalArgumentException e) {
                throw new ProblemException(ProblemCode.IMAGE_URL_NOT_ALLOWED, e.getMessage());
            }
            if (!(image instanceof ImageReference.Url)) {
                throw new ProblemException(ProblemCode.IMAGE_URL_NOT_ALLOWED, "image_url must be an http(s) URL");
            }
            if (draining.get()) {
                throw new ProblemException(Problem.of(ProblemCode.SHUTTING_DOWN, "this instance is shutting down")
                        .retryAfter(1));
            }
            ScanId task = ScanId.random();
            // So that an unexpected failure later in this request is logged, and answered, with its task_id.
            req.context().register(task);
            return new ParsedScan(new ScanRequest(
                    task, image, body.userInput(), user, clock.instant().plus(settings.deadline())));
        }

        /** A finished scan as /classify answers it: the reference body, or its problem. */
        private static void answer(ServerResponse res, ScanOutcome outcome) {
            switch (outcome) {
                case ScanOutcome.Completed done -> Responses.json(res, 200, ScanBodies.completed(done));
                case ScanOutcome.Rejected rejected -> Responses.problem(res, OutcomeProblems.of(rejected));
                case ScanOutcome.Failed failed -> Responses.problem(res, OutcomeProblems.of(failed));
            }
        }

        private void submitJob(ServerRequest req, ServerResponse res) {
            Optional<String> key =
                    req.headers().first(HeaderNames.create(IDEMPOTENCY_HEADER)).map(String::strip);
            if (key.isPresent()
                    && (key.get().isEmpty()
                            || key.get().length() > 200
                            || key.get().chars().anyMatch(c -> c < 0x21 || c > 0x7e))) {
                throw new ProblemException(
                        ProblemCode.INVALID_REQUEST, IDEMPOTENCY_HEADER + " must be 1-200 visible ASCII characters");
            }
            ParsedScan parsed = parseScan(req);
            switch (jobs.submit(parsed.request(), key)) {
                case JobQueue.Submission.Refused refused ->
                    throw new ProblemException(
                            Problem.of(ProblemCode.OVERLOADED, refused.reason()).retryAfter(1));
                case JobQueue.Submission.Accepted accepted -> {
                    String id = accepted.job().id().toString();
                    ObjectNode body = ScanBodies.JSON.createObjectNode();
                    body.put("job_id", id);
                    body.put("status", accepted.job().outcome().isPresent() ? "done" : "queued");
                    body.put("stream_url", JOBS + "/" + id + "/events");
                    body.put("result_url", JOBS + "/" + id + "/result");
                    res.header(HeaderNames.LOCATION, JOBS + "/" + id + "/result");
                    Responses.json(res, 202, body);
                }
            }
        }

        /** The job of this route's {job_id}, if the caller owns it; another user's job does not exist for them. */
        private Job ownJob(ServerRequest req) {
            UserId user = authenticator.authenticate(req);
            ScanId id;
            try {
                id = new ScanId(
                        java.util.UUID.fromString(req.path().pathParameters().get("job_id")));
            } catch (IllegalArgumentException e) {
                throw new ProblemException(ProblemCode.NOT_FOUND, "no such job");
            }
            return jobs.find(id)
                    .filter(job -> job.owner().equals(user))
                    .orElseThrow(() -> new ProblemException(ProblemCode.NOT_FOUND, "no such job"));
        }

        private void jobResult(ServerRequest req, ServerResponse res) {
            Job job = ownJob(req);
            Optional<ScanOutcome> outcome = job.outcome();
            if (outcome.isPresent()) {
                answer(res, outcome.get());
                return;
            }
            res.header(HeaderNames.RETRY_AFTER, "1");
            Responses.json(res, 202, JobBodies.progress(job.id(), job.stage()));
        }

        /**
         * Server-sent events ({@link JobEventStream}): one per stage change and a final done event;
         * Last-Event-ID resumes. Each stream holds a slot of {@link StreamSlots} until it ends, however
         * it ends; past the bounds the answer is a problem at once.
         */
        private void jobEvents(ServerRequest req, ServerResponse res) throws java.io.IOException {
            Job job = ownJob(req);
            long lastSeen = req.headers()
                    .first(HeaderNames.create("Last-Event-ID"))
                    .map(JobBodies::eventId)
                    .orElse(0L);
            if (JobEventStream.nothingLeft(job, lastSeen)) {
                // The client has seen the done event; 204 is what tells an EventSource to stop reconnecting.
                res.status(io.helidon.http.Status.NO_CONTENT_204);
                res.send();
                return;
            }
            try (StreamSlots.Slot slot = streams.open(job.owner())) {
                res.header(HeaderNames.CONTENT_TYPE, "text/event-stream");
                res.header(HeaderNames.CACHE_CONTROL, "no-store");
                try (java.io.OutputStream out = res.outputStream()) {
                    JobEventStream.send(jobs, job, lastSeen, settings.deadline().plusMinutes(1), out);
                }
            }
        }

        /** The store's own words (a database's, a remote service's) go to the log, never to the client. */
        private static ProblemException rewardsUnavailable(CharacterCollection.CollectionUnavailableException e) {
            System.getLogger("eco-scan.rewards")
                    .log(System.Logger.Level.WARNING, "characters could not be read or granted: " + e.getMessage());
            return new ProblemException(
                    Problem.of(ProblemCode.REWARDS_UNAVAILABLE, "the character store is unavailable; try again shortly")
                            .retryAfter(5));
        }

        private void owned(ServerResponse res, UserId user) {
            byte[] list;
            try {
                list = characters.owned(user);
            } catch (CharacterCollection.CollectionUnavailableException e) {
                throw rewardsUnavailable(e);
            }
            res.header(HeaderNames.CONTENT_TYPE, Responses.JSON_TYPE);
            res.header(HeaderNames.CACHE_CONTROL, "no-store");
            res.send(list);
        }

        /**
         * The internal routes answer only callers with the service token; without one configured
         * they do not exist. The comparison takes the same time whatever the token, so it leaks nothing.
         */
        private void requireServiceToken(ServerRequest req) {
            if (settings.serviceToken().isEmpty()) {
                throw new ProblemException(ProblemCode.NOT_FOUND, "the internal character routes are not enabled");
            }
            String header = req.headers().first(HeaderNames.AUTHORIZATION).orElse("");
            byte[] given = header.startsWith("Bearer ")
                    ? header.substring(7).strip().getBytes(StandardCharsets.UTF_8)
                    : new byte[0];
            byte[] expected = settings.serviceToken().get().getBytes(StandardCharsets.UTF_8);
            if (!MessageDigest.isEqual(given, expected)) {
                throw new ProblemException(ProblemCode.UNAUTHENTICATED, "a valid service bearer token is required");
            }
        }

        private void ready(ServerRequest req, ServerResponse res) {
            boolean full = draining.get() || inFlight.inFlight() >= inFlight.limit();
            Responses.text(
                    res,
                    full ? 503 : 200,
                    Responses.JSON_TYPE,
                    "{\"status\":\"" + (full ? "DOWN" : "UP") + "\",\"scans_in_flight\":" + inFlight.inFlight()
                            + ",\"max_in_flight\":" + inFlight.limit() + "}");
        }

        private void requireJson(ServerRequest req) {
            String type =
                    req.headers().first(HeaderNames.CONTENT_TYPE).orElse("").toLowerCase(Locale.ROOT);
            if (!type.equals("application/json") && !type.startsWith("application/json;")) {
                throw new ProblemException(
                        ProblemCode.UNSUPPORTED_MEDIA_TYPE, "send the body as application/json, not '" + type + "'");
            }
        }

        /**
         * Reads at most the limit, so a huge body costs us nothing beyond it, and only within the
         * request's read time (a client past it has had its 408). Callers authenticate first and take
         * no scan slot before it returns, so a slow or unknown client holds neither. What is left of
         * a refused body is dropped once the refusal is sent.
         */
        private byte[] readBody(ServerRequest req) {
            long declared = req.headers().contentLength().orElse(-1L);
            if (declared > settings.maxBodyBytes()) {
                throw new ProblemException(
                        ProblemCode.BODY_TOO_LARGE, "the body may have at most " + settings.maxBodyBytes() + " bytes");
            }
            byte[] bytes;
            try {
                // Not closed: closing reads on, and after a malformed chunk it would wait for bytes
                // that never come. What is left is dropped after the answer, within the read time.
                bytes = req.content().inputStream().readNBytes(settings.maxBodyBytes() + 1);
            } catch (IOException | RuntimeException e) {
                // A closed socket, or a malformed chunk (Helidon throws a NumberFormatException).
                if (deadlines.ranOut()) {
                    throw new RequestReadDeadlines.TooSlowException(
                            settings.connections().requestReadTimeout());
                }
                throw new ProblemException(ProblemCode.INVALID_REQUEST, "the body could not be read");
            }
            if (bytes.length > settings.maxBodyBytes()) {
                throw new ProblemException(
                        ProblemCode.BODY_TOO_LARGE, "the body may have at most " + settings.maxBodyBytes() + " bytes");
            }
            deadlines.finished();
            return bytes;
        }

        /** Dev mode's sample images, for loopback clients only and only plain file names. */
        private void sample(Path folder, ServerRequest req, ServerResponse res) {
            if (!isLoopback(req.remotePeer().address())) {
                throw new ProblemException(ProblemCode.NOT_FOUND, "samples are served to this machine only");
            }
            String name = req.path().pathParameters().get("file");
            if (!name.matches("[a-z0-9-]+\\.png")) {
                throw new ProblemException(ProblemCode.NOT_FOUND, "no such sample");
            }
            Path file = folder.resolve(name);
            if (!Files.isRegularFile(file)) {
                throw new ProblemException(ProblemCode.NOT_FOUND, "no such sample: " + name);
            }
            try {
                res.header(HeaderNames.CONTENT_TYPE, "image/png");
                res.send(Files.readAllBytes(file));
            } catch (IOException e) {
                throw new ProblemException(ProblemCode.NOT_FOUND, "the sample cannot be read");
            }
        }

        private static boolean isLoopback(SocketAddress address) {
            return address instanceof InetSocketAddress inet
                    && inet.getAddress() != null
                    && inet.getAddress().isLoopbackAddress();
        }

        private static byte[] resource(String name) {
            try (InputStream in = ScanApiServer.class.getResourceAsStream(name)) {
                if (in == null) {
                    throw new IllegalStateException(name + " is missing from the classpath");
                }
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
