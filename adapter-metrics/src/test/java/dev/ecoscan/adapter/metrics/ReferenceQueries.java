package dev.ecoscan.adapter.metrics;

import java.util.List;

/**
 * The reference system's PromQL queries, copied verbatim from shared/reference/reference-system.md
 * ("Its metrics"). Its "{...}" stands for the classify route's labels, {@link #ROUTE}.
 */
final class ReferenceQueries {

    static final String ROUTE = "service=\"scan-api\",method=\"POST\",path=\"/api/v1/scan/classify\"";

    static final String API_P99 =
            "histogram_quantile(0.99, sum(rate(http_request_duration_seconds_bucket{service=\"scan-api\",method=\"POST\",path=\"/api/v1/scan/classify\"}[5m])) by (le))";
    static final String API_AVERAGE =
            "rate(http_request_duration_seconds_sum{...}[5m]) / rate(http_request_duration_seconds_count{...}[5m])"
                    .replace("...", ROUTE);
    static final String STEP_AVERAGE =
            "rate(scan_pipeline_step_duration_seconds_sum[1m]) / rate(scan_pipeline_step_duration_seconds_count[1m])";
    static final String STEP_P99 =
            "histogram_quantile(0.99, sum(rate(scan_pipeline_step_duration_seconds_bucket[5m])) by (le, step))";
    static final String SUCCESS_RATE =
            "sum(rate(http_requests_total{...,status_code!~\"5.*\"}[5m])) / sum(rate(http_requests_total{...}[5m]))"
                    .replace("...", ROUTE);

    static final List<String> ALL = List.of(API_P99, API_AVERAGE, STEP_AVERAGE, STEP_P99, SUCCESS_RATE);

    private ReferenceQueries() {}
}
