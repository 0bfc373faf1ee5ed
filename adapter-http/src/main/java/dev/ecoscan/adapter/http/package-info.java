/**
 * The HTTP API on Helidon SE WebServer, where every request runs on a virtual thread: a scan waiting
 * ten seconds on two LLM calls costs a few kilobytes, not a platform thread. Its own small interfaces
 * ({@link dev.ecoscan.adapter.http.HttpObserver}, {@link dev.ecoscan.adapter.http.MetricsScrape},
 * {@link dev.ecoscan.adapter.http.ImageUrlCheck}) are filled in by bootstrap, so this adapter never
 * depends on another.
 */
package dev.ecoscan.adapter.http;
