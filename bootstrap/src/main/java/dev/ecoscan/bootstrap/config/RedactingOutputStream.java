package dev.ecoscan.bootstrap.config;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.locks.ReentrantLock;

/**
 * An output stream that writes whole lines with {@link Secrets#redact} applied, so a secret split
 * across two writes is still found. A flush does not cut a line short (an autoflushing
 * {@code PrintStream} flushes after every {@code print}); a line end ({@code \n} or {@code \r}), a
 * line longer than {@value #LONGEST_LINE} bytes, or closing the stream sends it. A
 * {@link ReentrantLock} guards the line, not the monitor: every request's log line comes through
 * here from a virtual thread, and one that blocks writing inside a monitor pins its carrier on JDK 21-23.
 */
public final class RedactingOutputStream extends OutputStream {

    static final int LONGEST_LINE = 64 * 1024;

    private final OutputStream out;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private final ReentrantLock lock = new ReentrantLock();

    public RedactingOutputStream(OutputStream out) {
        this.out = out;
    }

    @Override
    public void write(int b) throws IOException {
        lock.lock();
        try {
            append(b);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        lock.lock();
        try {
            appendAll(bytes, offset, offset + length);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void flush() throws IOException {
        lock.lock();
        try {
            out.flush();
        } finally {
            lock.unlock();
        }
    }

    /** Sends what is left of the last line, if it had no line end: at the end of a command. */
    public void drain() throws IOException {
        lock.lock();
        try {
            emit();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() throws IOException {
        lock.lock();
        try {
            emit();
            out.close();
        } finally {
            lock.unlock();
        }
    }

    private void append(int b) throws IOException {
        line.write(b);
        if (b == '\n' || b == '\r' || line.size() >= LONGEST_LINE) {
            emit();
        }
    }

    /**
     * The same as {@link #append} byte by byte, a run at a time: every log line passes through here,
     * and a call per byte cost more than the line's JSON.
     */
    private void appendAll(byte[] bytes, int from, int to) throws IOException {
        int start = from;
        while (start < to) {
            // The line is always shorter than LONGEST_LINE here: reaching it sends the line.
            int limit = Math.min(to, start + (LONGEST_LINE - line.size()));
            int stop = start;
            while (stop < limit && bytes[stop] != '\n' && bytes[stop] != '\r') {
                stop++;
            }
            if (stop < limit) {
                line.write(bytes, start, stop + 1 - start);
                start = stop + 1;
                emit();
            } else {
                line.write(bytes, start, limit - start);
                start = limit;
                if (line.size() >= LONGEST_LINE) {
                    emit();
                }
            }
        }
    }

    private void emit() throws IOException {
        if (line.size() == 0) {
            return;
        }
        out.write(Secrets.redact(line.toString(StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
        line.reset();
        out.flush();
    }
}
