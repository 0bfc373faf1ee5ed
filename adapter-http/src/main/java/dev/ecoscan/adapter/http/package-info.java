/**
 * The HTTP API on Helidon SE WebServer, where every request runs on a virtual thread: a scan waiting
 * ten seconds on two LLM calls costs a few kilobytes, not a platform thread. Each feature is an
 * {@code HttpService} over the application's in-ports; what operations need (metrics, the request
 * recorder) are the domain's ports, and the image URL rule ({@link dev.ecoscan.adapter.http.ImageUrlCheck})
 * is a function bootstrap hands over, so this adapter never depends on another.
 */
package dev.ecoscan.adapter.http;
