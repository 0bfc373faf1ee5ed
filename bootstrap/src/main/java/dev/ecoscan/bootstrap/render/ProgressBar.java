package dev.ecoscan.bootstrap.render;

import java.io.PrintStream;

/**
 * A one-line progress bar redrawn in place, for a person at a terminal; a silent one when the output
 * goes to a file or a pipe, where the redraws would only be noise.
 */
public final class ProgressBar {

    private static final int WIDTH = 30;

    private final PrintStream out;
    private final boolean shown;
    private int total;
    private int done;
    private String label = "";

    private ProgressBar(PrintStream out, boolean shown) {
        this.out = out;
        this.shown = shown;
    }

    public static ProgressBar on(PrintStream out, boolean terminal) {
        return new ProgressBar(out, terminal);
    }

    /** Starts a new pass of {@code total} steps (images, seconds). */
    public synchronized void start(String label, int total) {
        this.label = label;
        this.total = total;
        this.done = 0;
        draw();
    }

    public synchronized void advance() {
        at(done + 1);
    }

    /** Moves to step {@code position} of the pass (for a pass measured in time); never past the end. */
    public synchronized void at(int position) {
        if (position <= done || done == total) {
            return;
        }
        done = Math.min(position, total);
        draw();
        if (shown && done == total) {
            out.println();
        }
    }

    private void draw() {
        if (!shown || total == 0) {
            return;
        }
        int filled = done * WIDTH / total;
        out.print("\r" + label + " [" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "] " + done + "/" + total);
        out.flush();
    }
}
