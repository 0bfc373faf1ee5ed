package dev.ecoscan.engine;

import dev.ecoscan.application.jobs.InProcessJobQueue;
import dev.ecoscan.application.port.ScanWaste;
import dev.ecoscan.domain.job.Job;
import dev.ecoscan.domain.job.JobEvent;
import dev.ecoscan.domain.port.JobQueue;
import dev.ecoscan.domain.scan.ImageReference;
import dev.ecoscan.domain.scan.ScanId;
import dev.ecoscan.domain.scan.ScanOutcome;
import dev.ecoscan.domain.scan.ScanRequest;
import dev.ecoscan.domain.scan.UserId;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * eco-scan in a JVM service: tells a person how to throw away the item in their photo. Built by
 * {@link #builder()}; thread-safe; closed with the service ({@link #close()} releases what the engine
 * opened, never what the caller passed in).
 *
 * <pre>{@code
 * try (ScanEngine engine = ScanEngine.builder()
 *         .provider(LlmProvider.openAi(key, "gpt-4.1-mini", "gpt-4.1-mini"))
 *         .build()) {
 *     ScanOutcome outcome = engine.scan(engine.request(
 *             new ImageReference.Inline(png, "image/png"), new UserId("user-1"), Optional.of("라벨은요?")));
 * }
 * }</pre>
 */
public final class ScanEngine implements AutoCloseable {

    /** How long {@link #close()} lets submitted scans finish before it cuts them, in seconds. */
    static final long DRAIN_GRACE_SECONDS = 10;

    private final ScanWaste scans;
    private final InProcessJobQueue jobs;
    private final Consumer<ScanOutcome> scanCounter;
    private final Duration deadline;
    private final Clock clock;
    private final OpenResources resources;
    private final AtomicBoolean closed = new AtomicBoolean();

    ScanEngine(
            ScanWaste scans,
            InProcessJobQueue jobs,
            Consumer<ScanOutcome> scanCounter,
            Duration deadline,
            Clock clock,
            OpenResources resources) {
        this.scans = scans;
        this.jobs = jobs;
        this.scanCounter = scanCounter;
        this.deadline = deadline;
        this.clock = clock;
        this.resources = resources;
    }

    /**
     * A builder with the bundled knowledge base, no rewards, no metrics and nothing yet for the LLM steps.
     *
     * @return a new builder
     */
    public static ScanEngineBuilder builder() {
        return new ScanEngineBuilder();
    }

    /**
     * A scan of {@code image} for {@code user}, with a new id and the engine's deadline from now.
     *
     * @param image    inline bytes, or a URL on one of the builder's image hosts
     * @param question what the person asked, if anything (at most {@link ScanRequest#MAX_QUESTION_LENGTH})
     * @throws IllegalArgumentException when the question is too long
     * @param user     who scans; their rewards are theirs
     * @return the request, to pass to {@link #scan} or {@link #submit}
     */
    public ScanRequest request(ImageReference image, UserId user, Optional<String> question) {
        return new ScanRequest(
                ScanId.random(), image, question, user, clock.instant().plus(deadline));
    }

    /**
     * Runs one scan to its end on the calling thread (its steps on virtual threads) and returns how it
     * ended: completed, rejected or failed. Nothing a provider or database does makes it throw.
     *
     * @throws IllegalStateException when the engine is closed, or a scan with this id is running
     * @param request what to scan, from {@link #request}
     * @return how the scan ended
     */
    public ScanOutcome scan(ScanRequest request) {
        requireOpen();
        ScanOutcome outcome = scans.scan(Objects.requireNonNull(request, "request"));
        scanCounter.accept(outcome);
        return outcome;
    }

    /**
     * Queues a scan in this process and returns at once: {@code Accepted} with the job (its id is the
     * request's), or {@code Refused} when the builder's limit of unfinished jobs is reached. Follow it
     * with {@link #job} or {@link #awaitOutcome}.
     *
     * @throws IllegalStateException when the engine is closed
     * @param request what to scan, from {@link #request}
     * @return the job accepted, or why it was refused
     */
    public JobQueue.Submission submit(ScanRequest request) {
        requireOpen();
        return jobs.submit(Objects.requireNonNull(request, "request"), Optional.empty());
    }

    /**
     * The job as it stands now, while it is retained.
     *
     * @param id the job's id, which is its request's
     * @return the job, or empty once it is forgotten
     */
    public Optional<Job> job(ScanId id) {
        return jobs.find(Objects.requireNonNull(id, "id"));
    }

    /**
     * Waits up to {@code wait} for the job's outcome. Empty when it did not end in time, or when no such
     * job is retained.
     *
     * @param id   the job's id
     * @param wait how long to wait at most
     * @return the outcome, or empty
     * @throws InterruptedException when the waiting thread is interrupted
     */
    public Optional<ScanOutcome> awaitOutcome(ScanId id, Duration wait) throws InterruptedException {
        Objects.requireNonNull(id, "id");
        long until = System.nanoTime() + Objects.requireNonNull(wait, "wait").toNanos();
        long seen = 0;
        while (true) {
            Optional<Job> job = jobs.find(id);
            if (job.isEmpty() || job.get().outcome().isPresent()) {
                return job.flatMap(Job::outcome);
            }
            long left = until - System.nanoTime();
            if (left <= 0) {
                return Optional.empty();
            }
            List<JobEvent> events = jobs.awaitEvents(id, seen, Duration.ofNanos(left));
            if (!events.isEmpty()) {
                seen = events.getLast().id();
            }
        }
    }

    /**
     * Stops taking scans, lets submitted ones finish for up to {@value #DRAIN_GRACE_SECONDS} seconds
     * (then they end as failed, {@code shut_down}), and closes what the engine opened. Idempotent.
     */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            try {
                jobs.drain(Duration.ofSeconds(DRAIN_GRACE_SECONDS));
            } finally {
                resources.close();
            }
        }
    }

    private void requireOpen() {
        if (closed.get()) {
            throw new IllegalStateException("the scan engine is closed");
        }
    }
}
