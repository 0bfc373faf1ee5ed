package dev.ecoscan.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class RedactingOutputStreamTest {

    /** Counts the writes that reach it: one per line sent. */
    private static final class CountingSink extends ByteArrayOutputStream {
        final List<String> writes = new ArrayList<>();

        @Override
        public synchronized void write(byte[] bytes, int offset, int length) {
            writes.add(new String(bytes, offset, length, StandardCharsets.UTF_8));
            super.write(bytes, offset, length);
        }
    }

    @Test
    @Timeout(30) // a run that never advanced would loop for ever
    void writes_of_any_size_send_the_same_lines_as_byte_by_byte_writes() throws IOException {
        Secrets.register("chunked-secret-value");
        String text = "first line with chunked-secret-value in it\n"
                + "a carriage return\r"
                + "x".repeat(RedactingOutputStream.LONGEST_LINE + 100)
                + "\nwindows line\r\n"
                + "한국어 줄 chunked-secret-value 끝\n"
                + "no line end at the close";
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);

        CountingSink oneByOne = new CountingSink();
        try (RedactingOutputStream out = new RedactingOutputStream(oneByOne)) {
            for (byte b : bytes) {
                out.write(b);
            }
        }
        Random random = new Random(7);
        for (int round = 0; round < 20; round++) {
            CountingSink chunked = new CountingSink();
            try (RedactingOutputStream out = new RedactingOutputStream(chunked)) {
                int at = 0;
                while (at < bytes.length) {
                    int length = Math.min(bytes.length - at, 1 + random.nextInt(round < 10 ? 40 : 70_000));
                    out.write(bytes, at, length);
                    at += length;
                }
            }

            assertThat(chunked.writes).isEqualTo(oneByOne.writes);
        }
        assertThat(oneByOne.writes.get(0)).isEqualTo("first line with [redacted] in it\n");
        assertThat(oneByOne.writes.get(2)).hasSize(RedactingOutputStream.LONGEST_LINE);
        assertThat(oneByOne.writes).last().isEqualTo("no line end at the close");
        assertThat(oneByOne.toString(StandardCharsets.UTF_8)).doesNotContain("chunked-secret-value");
    }
}
