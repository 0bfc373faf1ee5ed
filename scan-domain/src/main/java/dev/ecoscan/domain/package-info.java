/**
 * The scan model and its ports: pure Java, no framework types (an ArchUnit rule holds this).
 *
 * <p>Subpackages: {@code taxonomy} (what an item is), {@code rule} (how it is disposed of),
 * {@code answer}, {@code reward}, {@code scan} (one scan's request, outcome and step events) and
 * {@code port} (what the pipeline needs from the outside world).
 */
package dev.ecoscan.domain;
