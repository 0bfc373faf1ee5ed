/**
 * One timing decorator per port, sharing {@link dev.ecoscan.application.timing.StepTimer}; each
 * records a {@link dev.ecoscan.domain.scan.StepEvent}, also when its delegate fails or throws.
 */
package dev.ecoscan.application.timing;
