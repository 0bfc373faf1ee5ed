/** Asynchronous scans in this process: the embedded {@link dev.ecoscan.domain.port.JobQueue}. */
package dev.ecoscan.application.jobs;
