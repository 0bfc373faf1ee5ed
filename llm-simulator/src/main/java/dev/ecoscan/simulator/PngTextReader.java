package dev.ecoscan.simulator;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads the {@code tEXt} chunks of a PNG. The simulator's own reader: a test double of a provider ships
 * with the service, so it cannot use the testkit (which writes the chunks for tests) or an adapter.
 */
public final class PngTextReader {

    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final int TEXT = 0x74455874; // "tEXt"
    private static final int END = 0x49454E44; // "IEND"

    private PngTextReader() {}

    /**
     * Every {@code tEXt} chunk, keyword to text, in file order; empty when the bytes are not a well-formed PNG.
     *
     * @param png the image's bytes
     * @return the chunks' texts by keyword
     */
    public static Map<String, String> read(byte[] png) {
        Map<String, String> texts = new LinkedHashMap<>();
        if (png.length < SIGNATURE.length || !Arrays.equals(png, 0, SIGNATURE.length, SIGNATURE, 0, SIGNATURE.length)) {
            return texts;
        }
        ByteBuffer in = ByteBuffer.wrap(png, SIGNATURE.length, png.length - SIGNATURE.length);
        // Each chunk: length, type, data, CRC.
        while (in.remaining() >= 12) {
            int length = in.getInt();
            if (length < 0 || length > in.remaining() - 8) {
                return texts;
            }
            int type = in.getInt();
            if (type == END) {
                return texts;
            }
            if (type == TEXT) {
                byte[] data = new byte[length];
                in.get(data);
                int zero = indexOfZero(data);
                if (zero > 0) {
                    texts.put(
                            new String(data, 0, zero, StandardCharsets.ISO_8859_1),
                            new String(data, zero + 1, data.length - zero - 1, StandardCharsets.ISO_8859_1));
                }
            } else {
                in.position(in.position() + length);
            }
            in.getInt();
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
