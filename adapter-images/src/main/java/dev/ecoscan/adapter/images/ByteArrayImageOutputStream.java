package dev.ecoscan.adapter.images;

import java.io.IOException;
import java.util.Arrays;
import java.util.Objects;
import javax.imageio.stream.ImageOutputStreamImpl;

/**
 * An ImageIO output stream into one growing array (writers seek back to patch chunk lengths), with
 * no temporary file and no second cache, as {@code ImageIO.createImageOutputStream} would use.
 */
final class ByteArrayImageOutputStream extends ImageOutputStreamImpl {

    private byte[] buffer;
    private int length;

    ByteArrayImageOutputStream(int initialCapacity) {
        this.buffer = new byte[Math.max(64, initialCapacity)];
    }

    @Override
    public void write(int b) throws IOException {
        checkClosed();
        flushBits();
        ensure(streamPos + 1);
        buffer[(int) streamPos++] = (byte) b;
        length = (int) Math.max(length, streamPos);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        checkClosed();
        Objects.checkFromIndexSize(off, len, b.length);
        flushBits();
        ensure(streamPos + len);
        System.arraycopy(b, off, buffer, (int) streamPos, len);
        streamPos += len;
        length = (int) Math.max(length, streamPos);
    }

    @Override
    public int read() throws IOException {
        checkClosed();
        bitOffset = 0;
        return streamPos < length ? buffer[(int) streamPos++] & 0xFF : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        checkClosed();
        Objects.checkFromIndexSize(off, len, b.length);
        bitOffset = 0;
        if (len == 0) {
            return 0;
        }
        if (streamPos >= length) {
            return -1;
        }
        int n = (int) Math.min(len, length - streamPos);
        System.arraycopy(buffer, (int) streamPos, b, off, n);
        streamPos += n;
        return n;
    }

    @Override
    public long length() {
        return length;
    }

    /** What was written, trimmed to its length. */
    byte[] toByteArray() {
        return length == buffer.length ? buffer : Arrays.copyOf(buffer, length);
    }

    private void ensure(long size) throws IOException {
        if (size > Integer.MAX_VALUE - 8) {
            throw new IOException("an encoded image cannot be that large");
        }
        if (size > buffer.length) {
            buffer = Arrays.copyOf(buffer, (int) Math.min(Integer.MAX_VALUE - 8, Math.max(size, buffer.length * 2L)));
        }
    }
}
