/**
 * The scan use case ({@link dev.ecoscan.application.port.ScanWaste}) and how its ports are assembled.
 * Depends on the domain only.
 */
package dev.ecoscan.application;
