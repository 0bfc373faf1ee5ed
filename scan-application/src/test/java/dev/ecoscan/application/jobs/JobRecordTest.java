package dev.ecoscan.application.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecoscan.domain.job.Job;
import dev.ecoscan.domain.scan.FailureKind;
import dev.ecoscan.domain.scan.ImageReference;
import dev.ecoscan.domain.scan.ScanId;
import dev.ecoscan.domain.scan.ScanOutcome;
import dev.ecoscan.domain.scan.ScanRequest;
import dev.ecoscan.domain.scan.Step;
import dev.ecoscan.domain.scan.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A finished job is retained for an hour; an uploaded photo in its request is not. */
class JobRecordTest {

    @Test
    void a_finished_job_drops_its_request_and_its_photo_but_keeps_what_its_owner_sees() {
        Instant now = Instant.parse("2026-12-07T10:00:00Z");
        ScanRequest upload = new ScanRequest(
                ScanId.random(),
                new ImageReference.Inline(new byte[1_000_000], "image/png"),
                Optional.of("어떻게 버려요?"),
                new UserId("user-1"),
                now.plusSeconds(30));
        JobRecord record = new JobRecord(upload, now, Optional.empty());
        assertThat(record.request()).isSameAs(upload);

        record.finish(
                new ScanOutcome.Failed(
                        upload.id(), upload.question(), Step.VISION, FailureKind.INTERNAL_ERROR, "test", List.of()),
                now.plusSeconds(1));

        assertThat(record.keepsRequest()).isFalse();
        assertThatThrownBy(record::request).isInstanceOf(IllegalStateException.class);
        Job seen = record.snapshot();
        assertThat(seen.id()).isEqualTo(upload.id());
        assertThat(seen.owner()).isEqualTo(new UserId("user-1"));
        assertThat(seen.question()).contains("어떻게 버려요?");
        assertThat(seen.outcome()).isPresent();
        assertThat(record.id()).isEqualTo(upload.id());
    }
}
