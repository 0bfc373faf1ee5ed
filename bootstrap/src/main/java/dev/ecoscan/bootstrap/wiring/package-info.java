/**
 * Dagger modules every command shares: {@link dev.ecoscan.bootstrap.wiring.CoreModule} (the engine),
 * one module per adapter, and the modules a command adds to it ({@link
 * dev.ecoscan.bootstrap.wiring.CommandLineModule}, {@link dev.ecoscan.bootstrap.wiring.MetricsModule},
 * {@link dev.ecoscan.bootstrap.wiring.SafeUrlImagesModule}, ...). The components, one per command,
 * are in {@code dev.ecoscan.bootstrap}. {@link dev.ecoscan.bootstrap.wiring.PortsModule} is the one
 * place that picks the scan's driven adapters from settings.
 */
package dev.ecoscan.bootstrap.wiring;
