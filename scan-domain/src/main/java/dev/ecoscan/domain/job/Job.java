package dev.ecoscan.domain.job;

import dev.ecoscan.domain.scan.ScanId;
import dev.ecoscan.domain.scan.ScanOutcome;
import dev.ecoscan.domain.scan.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A snapshot of an asynchronous scan: whose it is, where it stands, and every event so far. The job's
 * id is its scan's id, so the pipeline's step events name the job they belong to.
 *
 * @param id          the job's id, which is its scan's id
 * @param owner       the user who submitted it; only they may read it
 * @param question    the person's question about the item, when they asked one
 * @param submittedAt when the queue accepted it
 * @param events      every event so far, oldest first
 */
public record Job(ScanId id, UserId owner, Optional<String> question, Instant submittedAt, List<JobEvent> events) {

    /** Checks that every part is present and copies the events. */
    public Job {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(submittedAt, "submittedAt");
        events = List.copyOf(events);
    }

    /**
     * Where the job stands now.
     *
     * @return the stage of the last event, or {@link JobStage#QUEUED} before the first
     */
    public JobStage stage() {
        return events.isEmpty() ? JobStage.QUEUED : events.getLast().stage();
    }

    /**
     * The scan's result, once the job is done.
     *
     * @return the outcome of the done event, empty while the job runs
     */
    public Optional<ScanOutcome> outcome() {
        return events.isEmpty() ? Optional.empty() : events.getLast().outcome();
    }

    /**
     * The events a client has not seen yet.
     *
     * @param lastSeen the id of the last event the client saw, 0 for all
     * @return the later events, oldest first
     */
    public List<JobEvent> eventsAfter(long lastSeen) {
        return events.stream().filter(e -> e.id() > lastSeen).toList();
    }
}
