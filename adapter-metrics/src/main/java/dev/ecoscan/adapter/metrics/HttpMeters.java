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

    private record Route(String method, String path) {
    }

    private record RouteAndStatus(String method, String path, int status) {
    }

    private final MeterCache<Route, Timer> durations;
    private final MeterCache<RouteAndStatus, Counter> counts;

    HttpMeters(MeterRegistry registry) {
        // The same 0.1 s grid as the steps: a plain timer would scrape as a summary, and the
        // reference p99 query needs buckets.
        durations = new MeterCache<>(route -> Timer.builder(DURATION)
                .description("Time to answer one HTTP request")
                .tag("service", SERVICE)
                .tag("method", route.method())
                .tag("path", route.path())
                .serviceLevelObjectives(Buckets.everyTenthOfASecondToAMinute())
                .register(registry));
        counts = new MeterCache<>(key -> Counter.builder(COUNT)
                .description("HTTP requests answered, by status code")
                .tag("service", SERVICE)
                .tag("method", key.method())
                .tag("path", key.path())
                .tag("status_code", Integer.toString(key.status()))
                .register(registry));
    }

    void record(String method, String pathTemplate, int status, Duration duration) {
        // A negative duration (a caller's clock stepped back) is counted but not timed: Micrometer
        // would drop it anyway, with a logged stack trace.
        if (!duration.isNegative()) {
            durations.get(new Route(method, pathTemplate)).record(duration);
        }
        counts.get(new RouteAndStatus(method, pathTemplate, status)).increment();
    }
}
