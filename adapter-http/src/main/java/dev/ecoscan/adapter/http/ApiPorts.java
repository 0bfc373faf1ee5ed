package dev.ecoscan.adapter.http;

import dev.ecoscan.application.ScanWaste;
import dev.ecoscan.application.port.GrantReward;
import dev.ecoscan.application.port.ListCharacters;
import dev.ecoscan.application.port.ScanJobs;
import dev.ecoscan.domain.rule.Guide;
import java.util.Objects;

/** What the API serves and reports through: the application's in-ports, and what operations read. */
public record ApiPorts(
        ScanWaste scans,
        ScanJobs jobs,
        Guide guide,
        GrantReward rewards,
        ListCharacters characters,
        ImageUrlCheck urls,
        MetricsScrape metrics,
        HttpObserver observer) {

    public ApiPorts {
        Objects.requireNonNull(scans, "scans");
        Objects.requireNonNull(jobs, "jobs");
        Objects.requireNonNull(guide, "guide");
        Objects.requireNonNull(rewards, "rewards");
        Objects.requireNonNull(characters, "characters");
        Objects.requireNonNull(urls, "urls");
        Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(observer, "observer");
    }
}
