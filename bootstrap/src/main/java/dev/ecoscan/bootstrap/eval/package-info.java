/**
 * {@code eco-scan eval}: a labelled image set through the real pipeline, scored per model (accuracy,
 * tags, rejections, latency, tokens, cost, confusions) and printed as text, JSON or a report.
 */
package dev.ecoscan.bootstrap.eval;
