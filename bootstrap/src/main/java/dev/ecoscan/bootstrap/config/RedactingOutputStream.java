package dev.ecoscan.bootstrap.config;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * An output stream that writes whole lines with {@link Secrets#redact} applied, so a secret split
 * across two writes is still found. A flush does not cut a line short (an autoflushing
 * {@code PrintStream} flushes after every {@code print}); a line end ({@code \n} or {@code \r}), a
 * line longer than {@value #LONGEST_LINE} bytes, or closing the stream sends it.
 */
public final class RedactingOutputStream extends OutputStream {

    static final int LONGEST_LINE = 64 * 1024;

    private final OutputStream out;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    public RedactingOutputStream(OutputStream out) {
        this.out = out;
    }

    @Override
    public synchronized void write(int b) throws IOException {
        line.write(b);
        if (b == '\n' || b == '\r' || line.size() >= LONGEST_LINE) {
            emit();
        }
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) throws IOException {
        for (int i = offset; i < offset + length; i++) {
            write(bytes[i]);
        }
    }

    @Override
    public synchronized void flush() throws IOException {
        out.flush();
    }

    /** Sends what is left of the last line, if it had no line end: at the end of a command. */
    public synchronized void drain() throws IOException {
        emit();
    }

    @Override
    public synchronized void close() throws IOException {
        emit();
        out.close();
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
