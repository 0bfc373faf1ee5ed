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

    /**
     * A short description for logs and errors (never the bytes).
     *
     * @return the path or URL; for bytes, their size and type
     */
    String describe();

    /**
     * Reads a command-line or API argument: http(s) URLs become {@link Url}, anything else a {@link File}.
     *
     * @param text a path or an http(s) URL
     * @return the reference it names
     * @throws IllegalArgumentException when it is neither a valid URL nor a valid path
     */
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

    /**
     * A file on this machine (the command line).
     *
     * @param path the file
     */
    record File(Path path) implements ImageReference {
        /** Checks that the path is present. */
        public File {
            Objects.requireNonNull(path, "path");
        }

        @Override
        public String describe() {
            return path.toString();
        }
    }

    /**
     * An image on the web, fetched under the service's URL rules.
     *
     * @param uri an absolute URL with a host
     */
    record Url(URI uri) implements ImageReference {
        /** Checks that the URL is absolute and has a host. */
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

    /**
     * Bytes in memory, e.g. an upload an embedding service received.
     *
     * @param bytes     the encoded image
     * @param mediaType its declared type, e.g. {@code image/jpeg}
     */
    record Inline(byte[] bytes, String mediaType) implements ImageReference {
        /** Copies the bytes, so the caller cannot change them later. */
        public Inline {
            Objects.requireNonNull(bytes, "bytes");
            bytes = bytes.clone();
            mediaType = Texts.requireText(mediaType, "media type");
        }

        /**
         * The encoded image.
         *
         * @return a copy of the bytes
         */
        @Override
        public byte[] bytes() {
            return bytes.clone();
        }

        /**
         * The number of bytes, without copying them.
         *
         * @return the image's length in bytes
         */
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
