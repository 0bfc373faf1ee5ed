package dev.ecoscan.adapter.redis;

import dev.ecoscan.domain.scan.ScanId;
import dev.ecoscan.domain.scan.UserId;
import java.util.Objects;

/** The names of the Redis keys the job queue uses, all under one prefix. */
record JobKeys(String prefix) {

    static final String GROUP = "workers";

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

    String events(ScanId id) {
        return prefix + "job:" + id + ":events";
    }

    String done(ScanId id) {
        return prefix + "job:" + id + ":done";
    }

    String idempotency(UserId user, String key) {
        return prefix + "idem:" + user.value() + ":" + key;
    }
}
