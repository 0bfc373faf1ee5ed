/**
 * The scan use case ({@link dev.ecoscan.application.ScanWaste}) and how its ports are assembled.
 * Depends on the domain only.
 */
package dev.ecoscan.application;
