/**
 * In-ports: what drives the application. Driving adapters (the HTTP routes, the command line, an
 * embedding service) call these interfaces; the application's use cases implement them. Out-ports,
 * what the application drives, are in {@code dev.ecoscan.domain.port}.
 */
package dev.ecoscan.application.port;
