package dev.ecoscan.adapter.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/** HTTP request durations and counts, with the reference system's {@code service="scan-api"} labels. */
final class HttpMeters {

    /** Scraped as {@code http_request_duration_seconds_bucket|_count|_sum|_max}. */
    static final String DURATION = "http.request.duration";
    /** Scraped as {@code http_requests_total}. */
    static final String COUNT = "http.requests";

    static final String SERVICE = "scan-api";
    /** The reference route, whose p99 the dashboards read to 0.1 s. */
    static final String CLASSIFY = "/api/v1/scan/classify";

    private record Route(String method, String path) {}

    private final MeterCache<Route, Timer> durations;
    private final MeterCache<HttpLabels, Counter> counts;

    HttpMeters(MeterRegistry registry) {
        // A plain timer would scrape as a summary, and the reference p99 query needs buckets.
        durations = new MeterCache<>(route -> Timer.builder(DURATION)
                .description("Time to answer one HTTP request")
                .tag("service", SERVICE)
                .tag("method", route.method())
                .tag("path", route.path())
                .serviceLevelObjectives(buckets(route))
                .register(registry));
        counts = new MeterCache<>(labels -> Counter.builder(COUNT)
                .description("HTTP requests answered, by status code")
                .tag("service", SERVICE)
                .tag("method", labels.method())
                .tag("path", labels.path())
                .tag("status_code", labels.statusCode())
                .register(registry));
        // Whatever method a client makes up lands in these (HttpLabels), with a 404 on an unknown
        // path or a 405 on a known one. Made now, so no made-up token changes the size of a scrape.
        durations.get(new Route(HttpLabels.OTHER, HttpLabels.UNMATCHED));
        counts.get(new HttpLabels(HttpLabels.OTHER, HttpLabels.UNMATCHED, "404"));
        counts.get(new HttpLabels(HttpLabels.OTHER, HttpLabels.UNMATCHED, "405"));
    }

    /** The reference route keeps the reference system's 0.1 s grid; every other route, the coarse one. */
    private static Duration[] buckets(Route route) {
        return route.method().equals("POST") && route.path().equals(CLASSIFY)
                ? Buckets.everyTenthOfASecondToAMinute()
                : Buckets.coarseRequestDurations();
    }

    void record(HttpLabels labels, Duration duration) {
        // A negative duration (a caller's clock stepped back) is counted but not timed: Micrometer
        // would drop it anyway, with a logged stack trace. A missing one is counted too.
        if (duration != null && !duration.isNegative()) {
            durations.get(new Route(labels.method(), labels.path())).record(duration);
        }
        counts.get(labels).increment();
    }
}
