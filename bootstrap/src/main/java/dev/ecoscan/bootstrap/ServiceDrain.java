package dev.ecoscan.bootstrap;

import dev.ecoscan.adapter.http.ScanApiServer;
import dev.ecoscan.application.jobs.InProcessJobQueue;
import dev.ecoscan.bootstrap.wiring.Resources;
import dev.ecoscan.domain.port.JobQueue;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;

/**
 * SIGTERM's orderly stop of {@code serve}, all within the {@link DrainGrace}:
 * <ol>
 *   <li>no new work: new scans and jobs get 503 {@code shutting_down}, readiness turns 503, while
 *       results, event streams and characters are still served;</li>
 *   <li>the work in hand finishes, synchronous scans and in-memory jobs alike, until the grace less
 *       its reserve. What still runs then is cut: a scan is answered 503 {@code shutting_down}, a
 *       job ends as failed ({@code shut_down}), which its result route and its event stream show;</li>
 *   <li>when jobs were running, their ends stay readable for one more poll (clients are told to poll
 *       every second); in memory, a job cannot outlive the process;</li>
 *   <li>the server stops, and only then the resources close (database, Redis, simulator): nothing
 *       left that answers a client needs them.</li>
 * </ol>
 */
final class ServiceDrain {

    /** One poll of a job's result, as {@code Retry-After: 1} asks. */
    static final Duration LAST_POLL = Duration.ofSeconds(1);
    /** Kept for stopping the server and closing the resources, after the last poll. */
    static final Duration STOP_MARGIN = Duration.ofMillis(250);

    private final ScanApiServer server;
    private final Optional<InProcessJobQueue> jobs;
    private final Resources resources;
    private final DrainGrace grace;

    /** What a drain did: how much it cut, and how long it took from the signal to the closed resources. */
    record Report(int scansCut, int jobsCut, Duration took) {}

    /** @param jobs the service's job queue; only jobs in this process are drained, jobs in Redis outlive it */
    @Inject
    ServiceDrain(ScanApiServer server, JobQueue jobs, Resources resources, DrainGrace grace) {
        this.server = Objects.requireNonNull(server, "server");
        this.jobs = jobs instanceof InProcessJobQueue inProcess ? Optional.of(inProcess) : Optional.empty();
        this.resources = Objects.requireNonNull(resources, "resources");
        this.grace = Objects.requireNonNull(grace, "grace");
    }

    DrainGrace grace() {
        return grace;
    }

    /** Drains, stops and closes; what the signal handler runs. */
    Report run() {
        long start = System.nanoTime();
        long end = start + grace.total().toNanos();
        long workEnds = end - grace.reserve().toNanos();
        server.stopTakingScans();
        boolean hadJobs = jobs.map(queue -> queue.unfinished() > 0).orElse(false);
        // Scans and jobs run at the same time, so one deadline serves both waits.
        int jobsCut = jobs.map(queue -> queue.drain(until(workEnds))).orElse(0);
        int scansCut = server.finishScans(until(workEnds));
        if (hadJobs) {
            long lastPollEnds = System.nanoTime()
                    + Math.min(
                            LAST_POLL.toNanos(), until(end).minus(STOP_MARGIN).toNanos());
            while (lastPollEnds - System.nanoTime() > 0) {
                LockSupport.parkNanos(lastPollEnds - System.nanoTime());
            }
        }
        try {
            server.close();
        } finally {
            resources.close();
        }
        return new Report(scansCut, jobsCut, Duration.ofNanos(System.nanoTime() - start));
    }

    private static Duration until(long nanoTime) {
        return Duration.ofNanos(Math.max(0, nanoTime - System.nanoTime()));
    }
}
