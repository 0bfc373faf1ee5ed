/**
 * OpenTelemetry traces of scans: a span per scan and per step, a GenAI client span per model call, and
 * W3C trace context read from the scan's request and sent to the model provider.
 */
package dev.ecoscan.adapter.tracing;
