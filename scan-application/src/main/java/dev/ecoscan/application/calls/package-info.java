/** The model calls of recent scans, kept per scan for whoever drives the scan to take. */
package dev.ecoscan.application.calls;
