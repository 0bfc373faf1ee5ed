package dev.ecoscan.adapter.http;

import dev.ecoscan.application.port.ScanJobs;
import dev.ecoscan.domain.job.Job;
import dev.ecoscan.domain.job.JobEvent;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * One job's server-sent events: each event after the client's Last-Event-ID once, a comment every
 * {@link #HEARTBEAT} while nothing happens (proxies keep the connection, and a client that has gone
 * is noticed when the write fails), until the done event. A job that is gone (forgotten by retention)
 * ends the stream at once, without a last event: the client that reconnects is answered 404, which
 * also stops a browser's EventSource from trying again.
 */
final class JobEventStream {

    static final Duration HEARTBEAT = Duration.ofSeconds(15);
    private static final byte[] OPEN = ": open\n\n".getBytes(StandardCharsets.UTF_8);
    private static final byte[] STILL_WORKING = ": still working\n\n".getBytes(StandardCharsets.UTF_8);

    private JobEventStream() {}

    /** True when the client has seen the done event: nothing will ever follow it. */
    static boolean nothingLeft(Job job, long lastSeen) {
        return job.outcome().isPresent() && lastSeen >= job.events().getLast().id();
    }

    /** Writes the events until done, until the job is gone, or for {@code longest} at most. */
    static void send(ScanJobs jobs, Job job, long lastSeen, Duration longest, OutputStream out) throws IOException {
        long until = System.nanoTime() + longest.toNanos();
        long seen = lastSeen;
        // The status and headers go out now, not with the first event: a client knows at once that it
        // has its stream (and its slot), even when the job has nothing to tell yet. (An empty flush
        // sends nothing; a comment is the one thing every client ignores.)
        out.write(OPEN);
        out.flush();
        while (System.nanoTime() < until) {
            List<JobEvent> events;
            try {
                events = jobs.awaitEvents(job, seen, HEARTBEAT);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (events.isEmpty()) {
                // Nothing in time, or the job is gone: the queue answers both at once when it is.
                if (jobs.findOwn(job.id(), job.owner()).isEmpty()) {
                    return;
                }
                out.write(STILL_WORKING);
            }
            for (JobEvent event : events) {
                out.write(JobBodies.sse(job, event).getBytes(StandardCharsets.UTF_8));
                seen = event.id();
            }
            out.flush();
            if (!events.isEmpty() && events.getLast().done()) {
                return;
            }
        }
    }
}
