package dev.ecoscan.adapter.http;

import dev.ecoscan.application.calls.ModelCallLog;
import dev.ecoscan.application.port.GrantReward;
import dev.ecoscan.application.port.ListCharacters;
import dev.ecoscan.application.port.ScanJobs;
import dev.ecoscan.application.port.ScanWaste;
import dev.ecoscan.domain.port.MetricsScrape;
import dev.ecoscan.domain.port.RequestRecorder;
import dev.ecoscan.domain.rule.Guide;
import java.util.Objects;

/**
 * What the API serves and reports through: the application's in-ports, and for operations the
 * metrics, the recorder of each request and scan, and the model calls whose endpoints a scan's log
 * line names.
 */
public record ApiPorts(
        ScanWaste scans,
        ScanJobs jobs,
        Guide guide,
        GrantReward rewards,
        ListCharacters characters,
        ImageUrlCheck urls,
        ImageUploads uploads,
        MetricsScrape metrics,
        RequestRecorder recorder,
        ModelCallLog calls) {

    public ApiPorts {
        Objects.requireNonNull(scans, "scans");
        Objects.requireNonNull(jobs, "jobs");
        Objects.requireNonNull(guide, "guide");
        Objects.requireNonNull(rewards, "rewards");
        Objects.requireNonNull(characters, "characters");
        Objects.requireNonNull(urls, "urls");
        Objects.requireNonNull(uploads, "uploads");
        Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(recorder, "recorder");
        Objects.requireNonNull(calls, "calls");
    }
}
