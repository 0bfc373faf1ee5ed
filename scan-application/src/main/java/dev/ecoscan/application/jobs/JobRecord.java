package dev.ecoscan.application.jobs;

import dev.ecoscan.domain.job.Job;
import dev.ecoscan.domain.job.JobEvent;
import dev.ecoscan.domain.job.JobStage;
import dev.ecoscan.domain.scan.AnswerDelta;
import dev.ecoscan.domain.scan.ScanId;
import dev.ecoscan.domain.scan.ScanOutcome;
import dev.ecoscan.domain.scan.ScanRequest;
import dev.ecoscan.domain.scan.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One job's changing state. A {@link ReentrantLock} guards the events and wakes whoever waits for
 * the next one, not the object's monitor: event-stream clients wait here on virtual threads, and a
 * virtual thread in {@code Object.wait()} pins its carrier thread on JDK 21-23.
 */
final class JobRecord {

    private final ScanId id;
    private final UserId user;
    private final Optional<String> question;
    /**
     * What the job runs, dropped once it is done: a finished job is kept for the retention (an hour, up
     * to 10,000 of them), and an uploaded photo's bytes must not be kept with it.
     */
    private volatile ScanRequest request;

    private final Instant submittedAt;
    private final Optional<String> idempotencyKey;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final List<JobEvent> events = new ArrayList<>();
    private Instant finishedAt;
    private boolean forgotten;

    /** @param idempotencyKey the queue's key of the submission, removed with the job */
    JobRecord(ScanRequest request, Instant submittedAt, Optional<String> idempotencyKey) {
        this.id = request.id();
        this.user = request.user();
        this.question = request.question();
        this.request = request;
        this.submittedAt = submittedAt;
        this.idempotencyKey = idempotencyKey;
    }

    ScanId id() {
        return id;
    }

    /** What to run; asked for once, when the job starts, before it can be done. */
    ScanRequest request() {
        ScanRequest toRun = request;
        if (toRun == null) {
            throw new IllegalStateException("job " + id + " is done; its request is no longer kept");
        }
        return toRun;
    }

    /** Whether the request (and an uploaded photo in it) is still kept: only until the job is done. */
    boolean keepsRequest() {
        return request != null;
    }

    Optional<String> idempotencyKey() {
        return idempotencyKey;
    }

    Job snapshot() {
        lock.lock();
        try {
            return new Job(id, user, question, submittedAt, events);
        } finally {
            lock.unlock();
        }
    }

    /** Moves the job to a later stage; an event never goes back, and nothing follows done. */
    void enter(JobStage stage) {
        lock.lock();
        try {
            JobStage current =
                    events.isEmpty() ? JobStage.QUEUED : events.getLast().stage();
            if (current == JobStage.DONE || stage.compareTo(current) <= 0 || stage == JobStage.DONE) {
                return;
            }
            events.add(new JobEvent(events.size() + 1, stage, Optional.empty()));
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Appends a piece of the answer's text, only while the job is in the answer stage. */
    void answerText(AnswerDelta delta) {
        lock.lock();
        try {
            if (events.isEmpty() || events.getLast().stage() != JobStage.ANSWER) {
                return;
            }
            events.add(JobEvent.answerText(events.size() + 1, delta));
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Ends the job as cut short, unless it ended already. */
    void finish(ScanOutcome outcome, Instant at) {
        finish(outcome, at, () -> {});
    }

    /**
     * Ends the job with its outcome unless it ended already (cut by a drain), running {@code answered}
     * first when it did not: whoever sees the done event then finds the job counted.
     */
    void finish(ScanOutcome outcome, Instant at, Runnable answered) {
        lock.lock();
        try {
            if (finishedAt != null) {
                return;
            }
            answered.run();
            events.add(new JobEvent(events.size() + 1, JobStage.DONE, Optional.of(outcome)));
            finishedAt = at;
            request = null;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    boolean finishedBefore(Instant instant) {
        lock.lock();
        try {
            return finishedAt != null && finishedAt.isBefore(instant);
        } finally {
            lock.unlock();
        }
    }

    /** Retention let the job go: whoever waits for its events is told at once that none will come. */
    void forget() {
        lock.lock();
        try {
            forgotten = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** The events after {@code lastSeen}, waiting up to {@code wait} for one; empty at once when forgotten. */
    List<JobEvent> awaitAfter(long lastSeen, Duration wait) throws InterruptedException {
        long left = wait.toNanos();
        lock.lock();
        try {
            while (true) {
                if (forgotten) {
                    return List.of();
                }
                // Event n sits at index n - 1.
                List<JobEvent> fresh = List.copyOf(
                        events.subList((int) Math.min(Math.max(0, lastSeen), events.size()), events.size()));
                if (!fresh.isEmpty() || left <= 0) {
                    return fresh;
                }
                left = changed.awaitNanos(left);
            }
        } finally {
            lock.unlock();
        }
    }
}
