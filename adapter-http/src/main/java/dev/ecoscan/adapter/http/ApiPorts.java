package dev.ecoscan.adapter.http;

import dev.ecoscan.application.ScanWaste;
import dev.ecoscan.domain.port.JobQueue;
import dev.ecoscan.domain.rule.Guide;
import java.util.Objects;

/** What the API serves and reports through, assembled by bootstrap. */
public record ApiPorts(
        ScanWaste scans,
        JobQueue jobs,
        Guide guide,
        CharacterService characters,
        ImageUrlCheck urls,
        MetricsScrape metrics,
        HttpObserver observer) {

    public ApiPorts {
        Objects.requireNonNull(scans, "scans");
        Objects.requireNonNull(jobs, "jobs");
        Objects.requireNonNull(guide, "guide");
        Objects.requireNonNull(characters, "characters");
        Objects.requireNonNull(urls, "urls");
        Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(observer, "observer");
    }
}
