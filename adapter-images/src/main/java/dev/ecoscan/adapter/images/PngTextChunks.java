package dev.ecoscan.adapter.images;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads eco-scan's own PNG {@code tEXt} chunks (keywords starting {@value #PREFIX}: the labels its
 * sample images carry, which the built-in simulator reads), so a shrunk PNG can carry them on. Walks
 * chunk headers only: the image data is skipped, never copied.
 */
final class PngTextChunks {

    static final String PREFIX = "eco-scan:";

    /** Larger text chunks, or more of them, are not eco-scan's labels and are not carried. */
    private static final int MAX_TEXT_BYTES = 4096;

    private static final int MAX_CHUNKS = 16;
    private static final int SIGNATURE_LENGTH = 8;

    private PngTextChunks() {}

    /** Keyword to text, in file order; empty for anything that is not a well-formed PNG up to its end. */
    static Map<String, String> read(ByteBuffer png) {
        Map<String, String> texts = new LinkedHashMap<>();
        ByteBuffer in = png.slice();
        int position = SIGNATURE_LENGTH;
        while (position + 12 <= in.limit() && texts.size() < MAX_CHUNKS) {
            long length = in.getInt(position) & 0xFFFFFFFFL;
            if (length > in.limit() - position - 12L) {
                return texts;
            }
            int type = in.getInt(position + 4);
            int data = position + 8;
            if (type == 0x74455874 && length <= MAX_TEXT_BYTES) { // tEXt
                byte[] chunk = new byte[(int) length];
                in.get(data, chunk);
                int zero = indexOfZero(chunk);
                if (zero > 0) {
                    String keyword = new String(chunk, 0, zero, StandardCharsets.ISO_8859_1);
                    if (keyword.startsWith(PREFIX)) {
                        texts.put(
                                keyword,
                                new String(chunk, zero + 1, chunk.length - zero - 1, StandardCharsets.ISO_8859_1));
                    }
                }
            } else if (type == 0x49454E44) { // IEND
                return texts;
            }
            position = (int) (data + length + 4);
        }
        return texts;
    }

    private static int indexOfZero(byte[] data) {
        for (int i = 0; i < data.length; i++) {
            if (data[i] == 0) {
                return i;
            }
        }
        return -1;
    }
}
