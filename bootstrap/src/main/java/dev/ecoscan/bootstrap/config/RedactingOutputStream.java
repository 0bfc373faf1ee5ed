package dev.ecoscan.bootstrap.config;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * An output stream that writes whole lines with {@link Secrets#redact} applied, so a secret split
 * across two writes is still found. What is left without a newline goes out on flush.
 */
public final class RedactingOutputStream extends OutputStream {

    private final OutputStream out;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    public RedactingOutputStream(OutputStream out) {
        this.out = out;
    }

    @Override
    public synchronized void write(int b) throws IOException {
        line.write(b);
        if (b == '\n') {
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
        emit();
        out.flush();
    }

    @Override
    public synchronized void close() throws IOException {
        flush();
        out.close();
    }

    private void emit() throws IOException {
        if (line.size() == 0) {
            return;
        }
        out.write(Secrets.redact(line.toString(StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
        line.reset();
    }
}
