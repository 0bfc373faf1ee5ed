/**
 * eco-scan's log format: one JSON object per line on stderr, the same for the libraries' lines
 * (through SLF4J and Logback) and the commands' own, with every known secret cut out.
 */
package dev.ecoscan.bootstrap.logging;
