package dev.ecoscan.adapter.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecoscan.application.port.ScanJobs;
import dev.ecoscan.domain.job.Job;
import dev.ecoscan.domain.port.JobQueue;
import dev.ecoscan.domain.scan.ScanId;
import dev.ecoscan.domain.scan.ScanOutcome;
import dev.ecoscan.domain.scan.UserId;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Asynchronous scans: submitting one ({@code POST /api/v1/scan}), its result, and its progress as
 * server-sent events. A job is its owner's alone: to anyone else it does not exist.
 */
final class JobRoutes extends ApiFeature {

    static final Route SUBMIT = Route.post("/api/v1/scan");
    static final Route RESULT = Route.get("/api/v1/scan/{job_id}/result");
    static final Route EVENTS = Route.get("/api/v1/scan/{job_id}/events");
    static final String IDEMPOTENCY_HEADER = "X-Idempotency-Key";

    private final ScanRequestReader requests;
    private final Authenticator authenticator;
    private final ScanJobs jobs;
    private final StreamSlots streams;
    /** The longest an event stream stays open: a scan's deadline and a minute to spare. */
    private final Duration longestStream;

    JobRoutes(
            RouteGuard guard,
            ScanRequestReader requests,
            Authenticator authenticator,
            ScanJobs jobs,
            StreamSlots streams,
            Duration scanDeadline) {
        super(guard);
        this.requests = requests;
        this.authenticator = authenticator;
        this.jobs = jobs;
        this.streams = streams;
        this.longestStream = scanDeadline.plusMinutes(1);
    }

    @Override
    List<Endpoint> endpoints() {
        return List.of(
                Endpoint.of(SUBMIT, this::submit),
                Endpoint.of(RESULT, this::result),
                Endpoint.of(EVENTS, this::events));
    }

    private void submit(ServerRequest req, ServerResponse res) {
        Optional<String> key =
                req.headers().first(HeaderNames.create(IDEMPOTENCY_HEADER)).map(String::strip);
        if (key.isPresent()
                && (key.get().isEmpty()
                        || key.get().length() > 200
                        || key.get().chars().anyMatch(c -> c < 0x21 || c > 0x7e))) {
            throw new ProblemException(
                    ProblemCode.INVALID_REQUEST, IDEMPOTENCY_HEADER + " must be 1-200 visible ASCII characters");
        }
        JobQueue.Submission submission;
        try (ScanSubmission scan = requests.read(req)) {
            // An uploaded photo's hold ends with the submission: Redis keeps the bytes from here on,
            // and the embedded queue starts the job at once, its image source holding them while it runs.
            submission = jobs.submit(scan.request(), key);
        }
        switch (submission) {
            case JobQueue.Submission.Refused refused ->
                throw new ProblemException(
                        Problem.of(ProblemCode.OVERLOADED, refused.reason()).retryAfter(1));
            case JobQueue.Submission.Accepted accepted -> {
                String id = accepted.job().id().toString();
                String base = SUBMIT.path() + "/" + id;
                ObjectNode body = ScanBodies.JSON.createObjectNode();
                body.put("job_id", id);
                body.put("status", accepted.job().outcome().isPresent() ? "done" : "queued");
                body.put("stream_url", base + "/events");
                body.put("result_url", base + "/result");
                res.header(HeaderNames.LOCATION, base + "/result");
                Responses.json(res, 202, body);
            }
        }
    }

    private void result(ServerRequest req, ServerResponse res) {
        Job job = ownJob(req);
        Optional<ScanOutcome> outcome = job.outcome();
        if (outcome.isPresent()) {
            Responses.outcome(res, outcome.get());
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
    private void events(ServerRequest req, ServerResponse res) throws IOException {
        Job job = ownJob(req);
        long lastSeen = req.headers()
                .first(HeaderNames.create("Last-Event-ID"))
                .map(JobBodies::eventId)
                .orElse(0L);
        if (JobEventStream.nothingLeft(job, lastSeen)) {
            // The client has seen the done event; 204 is what tells an EventSource to stop reconnecting.
            res.status(Status.NO_CONTENT_204);
            res.send();
            return;
        }
        try (StreamSlots.Slot slot = streams.open(job.owner())) {
            res.header(HeaderNames.CONTENT_TYPE, "text/event-stream");
            res.header(HeaderNames.CACHE_CONTROL, "no-store");
            try (OutputStream out = res.outputStream()) {
                JobEventStream.send(jobs, job, lastSeen, longestStream, out);
            }
        }
    }

    /** The job of this route's {job_id}, if the caller owns it; another user's job does not exist for them. */
    private Job ownJob(ServerRequest req) {
        UserId user = authenticator.authenticate(req);
        ScanId id;
        try {
            id = new ScanId(UUID.fromString(req.path().pathParameters().get("job_id")));
        } catch (IllegalArgumentException e) {
            throw new ProblemException(ProblemCode.NOT_FOUND, "no such job");
        }
        return jobs.findOwn(id, user).orElseThrow(() -> new ProblemException(ProblemCode.NOT_FOUND, "no such job"));
    }
}
