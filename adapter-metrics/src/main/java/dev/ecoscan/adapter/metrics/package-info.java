/**
 * eco-scan's metrics on Micrometer with a Prometheus registry: {@link dev.ecoscan.adapter.metrics.EcoScanMetrics}
 * records step events, model calls, HTTP requests and scan outcomes under the reference system's
 * metric names, and scrapes them as Prometheus text or OpenMetrics.
 */
package dev.ecoscan.adapter.metrics;
