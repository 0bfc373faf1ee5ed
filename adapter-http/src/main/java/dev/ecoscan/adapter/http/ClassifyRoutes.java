package dev.ecoscan.adapter.http;

import dev.ecoscan.application.calls.ModelCallLog;
import dev.ecoscan.application.port.ScanWaste;
import dev.ecoscan.domain.port.RequestRecorder;
import dev.ecoscan.domain.rule.Guide;
import dev.ecoscan.domain.scan.ScanOutcome;
import dev.ecoscan.domain.scan.ScanRequest;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The reference system's synchronous scan, {@code POST /api/v1/scan/classify}, and the taxonomy it
 * classifies into, {@code GET /api/v1/scan/categories}.
 */
final class ClassifyRoutes extends ApiFeature {

    static final Route CLASSIFY = Route.post("/api/v1/scan/classify");
    static final Route CATEGORIES = Route.get("/api/v1/scan/categories");

    private final ScanRequestReader requests;
    private final ScanWaste scans;
    private final InFlightLimit inFlight;
    private final ScanCutoff cutoff;
    private final RequestRecorder recorder;
    private final ModelCallLog calls;
    private final Guide guide;
    private final byte[] categories;

    ClassifyRoutes(
            RouteGuard guard,
            ScanRequestReader requests,
            ScanWaste scans,
            InFlightLimit inFlight,
            ScanCutoff cutoff,
            RequestRecorder recorder,
            ModelCallLog calls,
            Guide guide) {
        super(guard);
        this.requests = requests;
        this.scans = scans;
        this.inFlight = inFlight;
        this.cutoff = cutoff;
        this.recorder = recorder;
        this.calls = calls;
        this.guide = guide;
        this.categories = CategoriesBody.of(guide.taxonomy());
    }

    @Override
    List<Endpoint> endpoints() {
        return List.of(Endpoint.of(CLASSIFY, this::classify), Endpoint.of(CATEGORIES, this::categories));
    }

    /**
     * Runs the scan within the bound on scans in flight, on a virtual thread the drain can cut
     * ({@link ScanCutoff}), and answers its outcome.
     */
    private void classify(ServerRequest req, ServerResponse res) {
        long start = System.nanoTime();
        // An uploaded photo stays held in the image budget until the scan is done with it, however it ends.
        try (ScanSubmission scan = requests.read(req)) {
            classify(scan.request(), res, start);
        }
    }

    private void classify(ScanRequest request, ServerResponse res, long start) {
        if (!inFlight.tryEnter()) {
            throw new ProblemException(Problem.of(
                            ProblemCode.OVERLOADED,
                            "eco-scan is at its bound of " + inFlight.limit() + " scans in flight")
                    .retryAfter(1));
        }
        ScanOutcome outcome;
        try {
            Optional<ScanOutcome> finished = cutoff.run(scans, request);
            if (finished.isEmpty()) {
                // Cut at the end of the drain's grace: answered while the server still runs.
                Responses.problem(
                        res,
                        Problem.of(
                                        ProblemCode.SHUTTING_DOWN,
                                        "this instance shut down before the scan finished; retry on another")
                                .retryAfter(1)
                                .forTask(request.id().toString()));
                return;
            }
            outcome = finished.get();
            recorder.recordScan(outcome);
            // Answered before the slot is given back, so a drain that sees no scan in flight
            // knows every answer went out.
            Responses.outcome(res, outcome);
        } finally {
            inFlight.leave();
        }
        ScanLog.log(
                outcome,
                res.status().code(),
                Duration.ofNanos(System.nanoTime() - start),
                calls.takeServedBy(outcome.scanId()));
    }

    private void categories(ServerRequest req, ServerResponse res) {
        res.header(HeaderNames.CONTENT_TYPE, Responses.JSON_TYPE);
        res.header(HeaderNames.CACHE_CONTROL, "public, max-age=300");
        // ?q= searches the taxonomy with advice per match; without it, the whole tree.
        res.send(
                CategoriesBody.query(req.query().first("q").asOptional(), guide).orElse(categories));
    }
}
