/**
 * The bound on image memory: {@link dev.ecoscan.application.images.ImageBudget} counts the bytes of
 * the images scans hold, so memory is bounded by bytes, not only by the number of scans in flight.
 */
package dev.ecoscan.application.images;
