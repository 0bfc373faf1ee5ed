package dev.ecoscan.bootstrap.wiring;

/**
 * What the engine is assembled for. The command line reads local files and keeps each scan's model
 * calls to print them; the service fetches only safe URLs and sends every event to metrics, keeping
 * nothing per scan.
 */
public enum Purpose {
    COMMAND_LINE,
    SERVICE
}
