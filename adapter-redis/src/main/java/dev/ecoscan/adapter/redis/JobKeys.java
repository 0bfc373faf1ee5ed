package dev.ecoscan.adapter.redis;

import dev.ecoscan.domain.scan.ScanId;
import dev.ecoscan.domain.scan.UserId;
import java.util.Objects;

/** The names of the Redis keys the job queue uses, all under one prefix. */
record JobKeys(String prefix) {

    static final String GROUP = "workers";
    /** The one field of an entry of {@link #stream()}: the job's id. */
    static final String JOB_FIELD = "job";

    JobKeys {
        Objects.requireNonNull(prefix, "prefix");
    }

    /** The stream of jobs to run; one entry per accepted job, deleted once acknowledged. */
    String stream() {
        return prefix + "jobs";
    }

    String record(ScanId id) {
        return prefix + "job:" + id;
    }

    /** A stream: event n is entry {@code 0-n}. */
    String events(ScanId id) {
        return prefix + "job:" + id + ":events";
    }

    /** Finished jobs by when they finished (epoch milliseconds): the retention forgets the oldest first. */
    String finished() {
        return prefix + "finished";
    }

    /** An uploaded image's bytes, kept apart from the record so that reading a job never reads them. */
    String image(ScanId id) {
        return prefix + "job:" + id + ":image";
    }

    String done(ScanId id) {
        return prefix + "job:" + id + ":done";
    }

    String idempotency(UserId user, String key) {
        return prefix + "idem:" + user.value() + ":" + key;
    }
}
