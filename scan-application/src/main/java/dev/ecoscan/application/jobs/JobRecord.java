package dev.ecoscan.application.jobs;

import dev.ecoscan.domain.job.Job;
import dev.ecoscan.domain.job.JobEvent;
import dev.ecoscan.domain.job.JobStage;
import dev.ecoscan.domain.scan.ScanOutcome;
import dev.ecoscan.domain.scan.ScanRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** One job's changing state; its monitor guards the events and wakes whoever waits for the next. */
final class JobRecord {

    private final ScanRequest request;
    private final Instant submittedAt;
    private final List<JobEvent> events = new ArrayList<>();
    private Instant finishedAt;

    JobRecord(ScanRequest request, Instant submittedAt) {
        this.request = request;
        this.submittedAt = submittedAt;
    }

    ScanRequest request() {
        return request;
    }

    synchronized Job snapshot() {
        return new Job(request.id(), request.user(), request.question(), submittedAt, events);
    }

    /** Moves the job to a later stage; an event never goes back, and nothing follows done. */
    synchronized void enter(JobStage stage) {
        JobStage current = events.isEmpty() ? JobStage.QUEUED : events.getLast().stage();
        if (current == JobStage.DONE || stage.compareTo(current) <= 0 || stage == JobStage.DONE) {
            return;
        }
        events.add(new JobEvent(events.size() + 1, stage, Optional.empty()));
        notifyAll();
    }

    synchronized void finish(ScanOutcome outcome, Instant at) {
        if (finishedAt != null) {
            return;
        }
        events.add(new JobEvent(events.size() + 1, JobStage.DONE, Optional.of(outcome)));
        finishedAt = at;
        notifyAll();
    }

    synchronized boolean finishedBefore(Instant instant) {
        return finishedAt != null && finishedAt.isBefore(instant);
    }

    synchronized List<JobEvent> awaitAfter(long lastSeen, Duration wait) throws InterruptedException {
        long until = System.nanoTime() + wait.toNanos();
        while (true) {
            List<JobEvent> fresh = events.stream().filter(e -> e.id() > lastSeen).toList();
            long left = until - System.nanoTime();
            if (!fresh.isEmpty() || left <= 0) {
                return fresh;
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }
}
