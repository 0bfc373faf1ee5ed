package dev.ecoscan.domain.port;

import dev.ecoscan.domain.scan.ScanOutcome;
import java.time.Duration;

/**
 * What job queues report, so metrics can show queue waits, jobs by outcome and redeliveries.
 * Must be quick, thread-safe, and must not throw.
 */
public interface JobRecorder {

    /**
     * A job left the queue for a worker.
     *
     * @param waited how long it was queued
     */
    void started(Duration waited);

    /**
     * A job's scan ended.
     *
     * @param outcome how it ended
     */
    void finished(ScanOutcome outcome);

    /** A job was handed to another worker because the one that had it stopped answering. */
    void redelivered();

    /**
     * A recorder for queues nobody measures (tests, embedders without metrics).
     *
     * @return a recorder that records nothing
     */
    static JobRecorder none() {
        return new Ignoring();
    }

    /** Records nothing: a record, since a port package holds contracts and their records only. */
    record Ignoring() implements JobRecorder {
        @Override
        public void started(Duration waited) {}

        @Override
        public void finished(ScanOutcome outcome) {}

        @Override
        public void redelivered() {}
    }
}
