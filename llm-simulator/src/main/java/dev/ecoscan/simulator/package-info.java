/**
 * An OpenAI-compatible chat completions server for tests, demos and load tests: {@link
 * dev.ecoscan.simulator.LlmSimulator}. It answers eco-scan's vision and answer requests with JSON that
 * fits their schemas, sleeps like a real provider, and injects faults on a script or at random.
 */
package dev.ecoscan.simulator;
