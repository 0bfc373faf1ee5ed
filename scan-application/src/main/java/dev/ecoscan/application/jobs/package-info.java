/**
 * Asynchronous scans: the {@link dev.ecoscan.application.jobs.JobRunner} that runs a job on any
 * queue, and the embedded {@link dev.ecoscan.domain.port.JobQueue}.
 */
package dev.ecoscan.application.jobs;
