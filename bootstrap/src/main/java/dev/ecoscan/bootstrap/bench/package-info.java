/** The load benchmark behind {@code eco-scan bench}: closed-loop users against the real HTTP service. */
package dev.ecoscan.bootstrap.bench;
