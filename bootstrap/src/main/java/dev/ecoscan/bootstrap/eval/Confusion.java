package dev.ecoscan.bootstrap.eval;

/** How often a model gave {@code found} for an image that shows {@code expected}. */
public record Confusion(String expected, String found, int count) {}
