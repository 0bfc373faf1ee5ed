package dev.ecoscan.adapter.redis;

import dev.ecoscan.application.jobs.JobRunner;
import dev.ecoscan.application.jobs.RunningJob;
import dev.ecoscan.domain.job.JobStage;
import dev.ecoscan.domain.scan.AnswerDelta;
import dev.ecoscan.domain.scan.ScanId;
import dev.ecoscan.domain.scan.ScanOutcome;
import dev.ecoscan.domain.scan.ScanRequest;
import io.lettuce.core.RedisException;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Runs the stream entries delivered to one worker, read or claimed, with the {@link JobRunner}. An
 * entry is acknowledged (and deleted) only after its job's done event is stored, by this run or an
 * earlier one; an entry whose job is gone is acknowledged at once; one that fails on Redis stays
 * pending, to be claimed again.
 */
final class DeliveredJobs {

    private final RedisJobStore store;
    private final JobRunner runner;
    /** The jobs this worker runs now, by scan id, with the stream entry that carries each. */
    private final Map<ScanId, String> running = new ConcurrentHashMap<>();

    private final Map<String, LongAdder> completed = new ConcurrentHashMap<>();
    /** False once closing: no new job is taken. */
    private volatile boolean taking = true;
    /** False once closed: nothing more is written, and unfinished jobs are abandoned to be reclaimed. */
    private volatile boolean writing = true;

    DeliveredJobs(RedisJobStore store, JobRunner runner) {
        this.store = store;
        this.runner = runner;
    }

    /** Runs the job of one entry, unless this worker runs it already or no longer takes jobs. */
    void run(StreamMessage<String, String> message) {
        try {
            Optional<ScanId> id = jobOf(message);
            if (!taking) {
                // Read while closing: left pending for another worker.
                return;
            }
            if (id.isEmpty() || store.isDone(id.get())) {
                acknowledge(message);
                return;
            }
            Optional<RedisJobStore.StoredJob> job = store.load(id.get());
            if (job.isEmpty()) {
                // Its uploaded image is gone: answered as an unreadable image rather than left to hang.
                // Else the job expired past its retention: nobody can ask for it any more.
                store.lostImage(id.get()).ifPresent(outcome -> store.finish(id.get(), outcome));
                acknowledge(message);
                return;
            }
            if (running.putIfAbsent(id.get(), message.getId()) != null) {
                return;
            }
            try {
                runner.run(new StreamJob(message, job.get()));
            } finally {
                running.remove(id.get());
            }
        } catch (RedisException e) {
            // Not acknowledged: the entry stays pending and is reclaimed once Redis answers again.
        }
    }

    /** A job of the stream as the runner sees it: progress and outcome go to Redis. */
    private final class StreamJob implements RunningJob {

        private final StreamMessage<String, String> message;
        private final RedisJobStore.StoredJob job;
        /** The answer generator sends its text from one thread at a time; the flag is only read there. */
        private volatile boolean firstText = true;

        StreamJob(StreamMessage<String, String> message, RedisJobStore.StoredJob job) {
            this.message = message;
            this.job = job;
        }

        @Override
        public ScanRequest request() {
            return job.request();
        }

        @Override
        public Instant submittedAt() {
            return job.submittedAt();
        }

        @Override
        public void enter(JobStage stage) {
            if (writing) {
                store.enter(job.request().id(), stage);
            }
        }

        @Override
        public void answerText(AnswerDelta delta) {
            if (writing) {
                store.answerText(delta, firstText);
                firstText = false;
            }
        }

        /** Counted after the done event: only the run that wrote it answers the job. */
        @Override
        public void finish(ScanOutcome outcome, Runnable answered) {
            if (!writing) {
                // Cut short by close: leave it pending, so another worker runs it again from the start.
                return;
            }
            if (store.finish(job.request().id(), outcome)) {
                completed.computeIfAbsent(kind(outcome), k -> new LongAdder()).increment();
                answered.run();
            }
            acknowledge(message);
        }
    }

    private static String kind(ScanOutcome outcome) {
        return switch (outcome) {
            case ScanOutcome.Completed completed -> "completed";
            case ScanOutcome.Rejected rejected -> "rejected";
            case ScanOutcome.Failed failed -> "failed";
        };
    }

    private static Optional<ScanId> jobOf(StreamMessage<String, String> message) {
        try {
            return Optional.ofNullable(message.getBody())
                    .map(body -> body.get(JobKeys.JOB_FIELD))
                    .map(text -> new ScanId(UUID.fromString(text)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Acknowledges, then deletes the entry, so the stream's length counts only unfinished jobs. */
    private void acknowledge(StreamMessage<String, String> message) {
        RedisCommands<String, String> commands = store.commands();
        commands.xack(store.keys().stream(), JobKeys.GROUP, message.getId());
        commands.xdel(store.keys().stream(), message.getId());
    }

    /** Whether jobs are still taken; false once the worker closes. */
    boolean taking() {
        return taking;
    }

    /** Whether results are still written; false once the worker's grace is over. */
    boolean writing() {
        return writing;
    }

    void stopTaking() {
        taking = false;
    }

    void stopWriting() {
        writing = false;
    }

    /** The stream entries of the jobs running now. */
    String[] runningEntries() {
        return running.values().toArray(String[]::new);
    }

    boolean runs(String entry) {
        return running.containsValue(entry);
    }

    int running() {
        return running.size();
    }

    /** Jobs this worker finished (wrote the done event of), by outcome: completed, rejected, failed. */
    Map<String, Long> completedByOutcome() {
        Map<String, Long> counts = new TreeMap<>();
        completed.forEach((kind, count) -> counts.put(kind, count.sum()));
        return counts;
    }
}
