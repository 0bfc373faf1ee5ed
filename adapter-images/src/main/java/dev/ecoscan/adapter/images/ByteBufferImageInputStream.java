package dev.ecoscan.adapter.images;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Objects;
import javax.imageio.stream.ImageInputStreamImpl;

/**
 * An ImageIO input stream over bytes already in memory. {@code ImageIO.createImageInputStream} would
 * copy them into a cache (a temporary file, or memory) as they are read; this reads them in place.
 */
final class ByteBufferImageInputStream extends ImageInputStreamImpl {

    private final ByteBuffer data;

    ByteBufferImageInputStream(ByteBuffer data) {
        this.data = data.slice();
    }

    @Override
    public int read() throws IOException {
        checkClosed();
        bitOffset = 0;
        if (streamPos >= data.limit()) {
            return -1;
        }
        return data.get((int) streamPos++) & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        checkClosed();
        Objects.checkFromIndexSize(off, len, b.length);
        bitOffset = 0;
        if (len == 0) {
            return 0;
        }
        long left = data.limit() - streamPos;
        if (left <= 0) {
            return -1;
        }
        int n = (int) Math.min(len, left);
        data.get((int) streamPos, b, off, n);
        streamPos += n;
        return n;
    }

    @Override
    public long length() {
        return data.limit();
    }

    @Override
    public boolean isCached() {
        return true;
    }

    @Override
    public boolean isCachedMemory() {
        return true;
    }
}
