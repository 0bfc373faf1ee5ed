package dev.ecoscan.domain.scan;

import dev.ecoscan.domain.taxonomy.Texts;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/** Where the photo of the item is: a local file, a URL, or bytes the caller already has. */
public sealed interface ImageReference {

    /** A short description for logs and errors (never the bytes). */
    String describe();

    /** Reads a command-line or API argument: http(s) URLs become {@link Url}, anything else a {@link File}. */
    static ImageReference parse(String text) {
        String value = Texts.requireText(text, "image reference");
        String lower = value.toLowerCase(Locale.ROOT);
        if (lower.startsWith("https://") || lower.startsWith("http://")) {
            try {
                return new Url(new URI(value));
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException("image URL is not a valid URI: " + e.getMessage(), e);
            }
        }
        try {
            return new File(Path.of(value));
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("image path is not valid: " + e.getMessage(), e);
        }
    }

    record File(Path path) implements ImageReference {
        public File {
            Objects.requireNonNull(path, "path");
        }

        @Override
        public String describe() {
            return path.toString();
        }
    }

    record Url(URI uri) implements ImageReference {
        public Url {
            Objects.requireNonNull(uri, "uri");
            if (!uri.isAbsolute() || uri.getHost() == null) {
                throw new IllegalArgumentException("image URL must be absolute with a host: " + uri);
            }
        }

        @Override
        public String describe() {
            return uri.toString();
        }
    }

    /** Bytes in memory, e.g. an upload an embedding service received. */
    record Inline(byte[] bytes, String mediaType) implements ImageReference {
        public Inline {
            Objects.requireNonNull(bytes, "bytes");
            bytes = bytes.clone();
            mediaType = Texts.requireText(mediaType, "media type");
        }

        @Override
        public byte[] bytes() {
            return bytes.clone();
        }

        /** The number of bytes, without copying them. */
        public int size() {
            return bytes.length;
        }

        @Override
        public String describe() {
            return "inline " + mediaType + " image of " + bytes.length + " bytes";
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Inline that && mediaType.equals(that.mediaType) && Arrays.equals(bytes, that.bytes);
        }

        @Override
        public int hashCode() {
            return 31 * mediaType.hashCode() + Arrays.hashCode(bytes);
        }

        @Override
        public String toString() {
            return "Inline[" + describe() + "]";
        }
    }
}
