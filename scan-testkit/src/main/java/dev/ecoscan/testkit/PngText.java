package dev.ecoscan.testkit;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * Reads and writes PNG {@code tEXt} chunks. eco-scan's sample images carry their item id in one
 * ({@value #ITEM_KEY}), so fakes and the LLM simulator can "see" an item without looking at pixels.
 */
public final class PngText {

    /** The chunk keyword holding the item id, e.g. {@code recyclable.paper-pack.milk-carton}. */
    public static final String ITEM_KEY = "eco-scan:item";
    /** The chunk keyword holding comma-separated situation tag ids. */
    public static final String TAGS_KEY = "eco-scan:tags";

    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private PngText() {}

    /**
     * Whether the bytes start with the PNG signature.
     *
     * @param bytes any bytes
     * @return true for a PNG
     */
    public static boolean isPng(byte[] bytes) {
        return bytes.length >= SIGNATURE.length
                && Arrays.equals(bytes, 0, SIGNATURE.length, SIGNATURE, 0, SIGNATURE.length);
    }

    /**
     * Every {@code tEXt} chunk of a PNG, keyword to text; empty when the bytes are not a well-formed PNG.
     *
     * @param png the image's bytes
     * @return the chunks' texts by keyword
     */
    public static Map<String, String> read(byte[] png) {
        Map<String, String> texts = new LinkedHashMap<>();
        if (!isPng(png)) {
            return texts;
        }
        ByteBuffer buffer = ByteBuffer.wrap(png, SIGNATURE.length, png.length - SIGNATURE.length);
        while (buffer.remaining() >= 12) {
            int length = buffer.getInt();
            if (length < 0 || length > buffer.remaining() - 8) {
                return texts;
            }
            byte[] type = new byte[4];
            buffer.get(type);
            byte[] data = new byte[length];
            buffer.get(data);
            buffer.getInt();
            String chunk = new String(type, StandardCharsets.ISO_8859_1);
            if (chunk.equals("tEXt")) {
                int zero = indexOfZero(data);
                if (zero > 0) {
                    texts.put(
                            new String(data, 0, zero, StandardCharsets.ISO_8859_1),
                            new String(data, zero + 1, data.length - zero - 1, StandardCharsets.ISO_8859_1));
                }
            } else if (chunk.equals("IEND")) {
                return texts;
            }
        }
        return texts;
    }

    /**
     * The PNG with a {@code tEXt} chunk added right after its header chunk.
     *
     * @param png     a PNG image
     * @param keyword the chunk's keyword
     * @param text    the chunk's text, Latin-1
     * @return a new PNG with the chunk
     */
    public static byte[] write(byte[] png, String keyword, String text) {
        if (!isPng(png)) {
            throw new IllegalArgumentException("not a PNG");
        }
        int headerEnd =
                SIGNATURE.length + 8 + ByteBuffer.wrap(png, SIGNATURE.length, 4).getInt() + 4;
        byte[] data = (keyword + '\0' + text).getBytes(StandardCharsets.ISO_8859_1);
        ByteArrayOutputStream out = new ByteArrayOutputStream(png.length + data.length + 12);
        out.write(png, 0, headerEnd);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        byte[] typed = new byte[4 + data.length];
        System.arraycopy("tEXt".getBytes(StandardCharsets.ISO_8859_1), 0, typed, 0, 4);
        System.arraycopy(data, 0, typed, 4, data.length);
        out.writeBytes(typed);
        CRC32 crc = new CRC32();
        crc.update(typed);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
        out.write(png, headerEnd, png.length - headerEnd);
        return out.toByteArray();
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
