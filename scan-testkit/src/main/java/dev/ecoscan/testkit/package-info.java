/**
 * Fakes for every port and {@link dev.ecoscan.testkit.ScanTestKit}, so a pipeline test takes a few lines.
 * Every fake is thread-safe and remembers how it was called.
 */
package dev.ecoscan.testkit;
