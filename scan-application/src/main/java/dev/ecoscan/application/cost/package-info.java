/** What model calls cost: dated price tables, and the estimate of a call from its tokens. */
package dev.ecoscan.application.cost;
