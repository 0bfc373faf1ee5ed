/**
 * Dagger wiring: {@link dev.ecoscan.bootstrap.wiring.EcoScanComponent} and one module per concern.
 * {@link dev.ecoscan.bootstrap.wiring.PortsModule} is the one place that picks adapters from settings.
 */
package dev.ecoscan.bootstrap.wiring;
