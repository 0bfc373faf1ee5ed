/** The {@link dev.ecoscan.domain.port.JobQueue} on Redis Streams, shared by API and worker processes. */
package dev.ecoscan.adapter.redis;
