package dev.ecoscan.bootstrap.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code NAME_FILE} variants of the secret settings ({@link Setting#fileEnv}): the path of a file
 * that holds the value, as a Kubernetes Secret mounted as a volume gives it. The file's text counts
 * as if {@code NAME} held it, so its trailing newline (which {@code echo} and editors add) is dropped
 * like any surrounding whitespace. A message about such a file names the variable and the path, never
 * what the file holds.
 */
final class SecretFiles {

    /** A secret is a key, a token or a URL; a larger file is the wrong file (or {@code /dev/zero}). */
    static final int LARGEST = 64 * 1024;

    private SecretFiles() {}

    /**
     * The text of the file the setting's {@code NAME_FILE} names, if that variable is set.
     *
     * @throws SettingsException if {@code NAME} is set as well, or the file is unreadable, too large,
     *     not UTF-8 or empty
     */
    static Optional<String> read(Setting<?> setting, Map<String, String> environment) {
        Optional<String> variable = setting.fileEnv();
        if (variable.isEmpty() || isBlank(environment.get(variable.get()))) {
            return Optional.empty();
        }
        String name = variable.get();
        if (!isBlank(environment.get(setting.env()))) {
            // Neither may silently win: the one left unused would be the one the operator just rotated.
            throw new SettingsException(setting.env() + " and " + name + " are both set; set one: the value, or"
                    + " the path of a file holding it");
        }
        String path = environment.get(name).strip();
        String text;
        try {
            text = decode(bytes(Path.of(path)));
        } catch (IOException | InvalidPathException e) {
            throw new SettingsException(name + " names " + path + ", which cannot be read: " + why(e));
        }
        if (text.isBlank()) {
            throw new SettingsException(name + " names " + path + ", which is empty");
        }
        return Optional.of(text.strip());
    }

    private static byte[] bytes(Path file) throws IOException {
        if (Files.isDirectory(file)) {
            throw new IOException("it is a folder, not a file");
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(LARGEST + 1);
            if (bytes.length > LARGEST) {
                throw new IOException("it is larger than " + LARGEST / 1024 + " KiB, too large for a secret");
            }
            return bytes;
        }
    }

    private static String decode(byte[] bytes) throws CharacterCodingException {
        return StandardCharsets.UTF_8
                .newDecoder()
                .decode(ByteBuffer.wrap(bytes))
                .toString();
    }

    /** Only the kind of failure: no exception of reading a file carries its content. */
    private static String why(Exception e) {
        return switch (e) {
            case NoSuchFileException missing -> "there is no such file";
            case AccessDeniedException denied -> "this process may not read it";
            case CharacterCodingException notText -> "it is not UTF-8 text";
            case InvalidPathException invalid -> "it is not a valid path";
            default -> e.getMessage();
        };
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
