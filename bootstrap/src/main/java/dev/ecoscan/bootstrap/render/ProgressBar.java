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
    private int drawnWidth;

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
        if (!movesTo(position)) {
            return;
        }
        done = Math.min(position, total);
        draw();
        if (shown && done == total) {
            out.println();
        }
    }

    /**
     * Moves to step {@code position} and names what runs now (a scan's next step), so one bar can
     * follow work whose stages have names rather than counts.
     */
    public synchronized void at(int position, String nowRunning) {
        if (movesTo(position)) {
            label = nowRunning;
            at(position);
        }
    }

    /** Whether {@code position} is ahead of the bar: a late tick, or one after the end, changes nothing. */
    private boolean movesTo(int position) {
        return position > done && done < total;
    }

    /**
     * Erases the bar's line, for work that ended before the bar was full (a rejected scan), so what
     * is printed next starts on a clean line.
     */
    public synchronized void clear() {
        if (shown && drawnWidth > 0 && done < total) {
            out.print("\r" + " ".repeat(drawnWidth) + "\r");
            out.flush();
        }
        drawnWidth = 0;
    }

    private void draw() {
        if (!shown || total == 0) {
            return;
        }
        int filled = done * WIDTH / total;
        String line = label + " [" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "] " + done + "/" + total;
        // Padded to the longest line drawn so far: a shorter label must not leave the end of a longer one.
        out.print("\r" + line + " ".repeat(Math.max(0, drawnWidth - line.length())));
        drawnWidth = Math.max(drawnWidth, line.length());
        out.flush();
    }
}
