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
 */
public record Job(ScanId id, UserId owner, Optional<String> question, Instant submittedAt, List<JobEvent> events) {

    public Job {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(submittedAt, "submittedAt");
        events = List.copyOf(events);
    }

    public JobStage stage() {
        return events.isEmpty() ? JobStage.QUEUED : events.getLast().stage();
    }

    public Optional<ScanOutcome> outcome() {
        return events.isEmpty() ? Optional.empty() : events.getLast().outcome();
    }

    /** The events after the one a client last saw (0 for all). */
    public List<JobEvent> eventsAfter(long lastSeen) {
        return events.stream().filter(e -> e.id() > lastSeen).toList();
    }
}
