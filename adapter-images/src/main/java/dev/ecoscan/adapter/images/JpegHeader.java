package dev.ecoscan.adapter.images;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * What the markers before a JPEG's scan data say, read without decoding anything.
 *
 * @param progressive       the frame is progressive: the JDK's decoder then keeps every DCT
 *                          coefficient of the image (native memory) until the last scan
 * @param coefficientBytes  that coefficient buffer's size (zero for a baseline JPEG)
 * @param orientation       the EXIF orientation, 1 (as stored) to 8; 1 when there is none
 */
record JpegHeader(boolean progressive, long coefficientBytes, int orientation) {

    static final JpegHeader NONE = new JpegHeader(false, 0, 1);

    private static final int ORIENTATION_TAG = 0x0112;

    static JpegHeader read(ByteBuffer jpeg) {
        ByteBuffer in = jpeg.slice();
        boolean progressive = false;
        long coefficients = 0;
        int orientation = 1;
        int position = 2;
        while (position + 4 <= in.limit()) {
            if ((in.get(position) & 0xFF) != 0xFF) {
                break;
            }
            int marker = in.get(position + 1) & 0xFF;
            if (marker == 0xFF) {
                position++;
                continue;
            }
            if (marker == 0x01 || marker == 0xD8 || (marker >= 0xD0 && marker <= 0xD7)) {
                position += 2;
                continue;
            }
            if (marker == 0xD9 || marker == 0xDA) {
                break;
            }
            int length = in.getShort(position + 2) & 0xFFFF;
            int start = position + 4;
            int end = position + 2 + length;
            if (length < 2 || end > in.limit()) {
                break;
            }
            if (marker == 0xE1 && orientation == 1) {
                orientation = exifOrientation(in, start, end);
            } else if (isStartOfFrame(marker)) {
                progressive = marker == 0xC2 || marker == 0xC6 || marker == 0xCA || marker == 0xCE;
                coefficients = progressive ? coefficientBytes(in, start, end) : 0;
            }
            position = end;
        }
        return new JpegHeader(progressive, coefficients, orientation);
    }

    private static boolean isStartOfFrame(int marker) {
        return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
    }

    /** Each component's blocks, padded to whole MCUs, at 64 coefficients of 2 bytes. */
    private static long coefficientBytes(ByteBuffer in, int start, int end) {
        if (start + 6 > end) {
            return 0;
        }
        int height = in.getShort(start + 1) & 0xFFFF;
        int width = in.getShort(start + 3) & 0xFFFF;
        int components = in.get(start + 5) & 0xFF;
        if (start + 6 + 3 * components > end || components == 0) {
            return 0;
        }
        int hMax = 1;
        int vMax = 1;
        for (int c = 0; c < components; c++) {
            int sampling = in.get(start + 7 + 3 * c) & 0xFF;
            hMax = Math.max(hMax, sampling >> 4);
            vMax = Math.max(vMax, sampling & 0x0F);
        }
        long mcusAcross = ceilDiv(width, 8L * hMax);
        long mcusDown = ceilDiv(height, 8L * vMax);
        long bytes = 0;
        for (int c = 0; c < components; c++) {
            int sampling = in.get(start + 7 + 3 * c) & 0xFF;
            bytes += mcusAcross * Math.max(1, sampling >> 4) * mcusDown * Math.max(1, sampling & 0x0F) * 64 * 2;
        }
        return bytes;
    }

    private static int exifOrientation(ByteBuffer segment, int start, int end) {
        if (end - start < 14 || segment.getInt(start) != 0x45786966 || segment.getShort(start + 4) != 0) { // "Exif\0\0"
            return 1;
        }
        int tiff = start + 6;
        ByteBuffer exif = segment.duplicate();
        short order = exif.getShort(tiff);
        if (order == 0x4949) {
            exif.order(ByteOrder.LITTLE_ENDIAN);
        } else if (order != 0x4D4D) {
            return 1;
        }
        long ifd = exif.getInt(tiff + 4) & 0xFFFFFFFFL;
        if (exif.getShort(tiff + 2) != 42 || tiff + ifd + 2 > end) {
            return 1;
        }
        int entries = exif.getShort((int) (tiff + ifd)) & 0xFFFF;
        for (int i = 0; i < entries; i++) {
            int entry = (int) (tiff + ifd + 2 + 12L * i);
            if (entry + 12 > end) {
                return 1;
            }
            if ((exif.getShort(entry) & 0xFFFF) == ORIENTATION_TAG && exif.getShort(entry + 2) == 3) {
                int value = exif.getShort(entry + 8) & 0xFFFF;
                return value >= 1 && value <= 8 ? value : 1;
            }
        }
        return 1;
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }
}
