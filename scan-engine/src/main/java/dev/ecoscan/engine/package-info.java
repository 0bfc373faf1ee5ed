/**
 * eco-scan as a library: {@link dev.ecoscan.engine.ScanEngine#builder()} assembles the scan pipeline
 * for a JVM service, a composition root like bootstrap (which it does not depend on). The published
 * API is this package plus the domain types its methods take and return.
 */
package dev.ecoscan.engine;
