package dev.ecoscan.adapter.character;

import java.nio.file.Path;

/**
 * The second process of {@link EmbeddedDataDirectoryTest}: opens the embedded store in the data
 * directory given as its argument, prints {@code OPENED} (exit 0) or {@code REFUSED <message>} (exit 3).
 */
final class OpenDataDirectory {

    static final int REFUSED = 3;

    private OpenDataDirectory() {}

    public static void main(String[] args) {
        try (CharacterDatabase database = CharacterDatabase.embedded(Path.of(args[0]))) {
            System.out.println("OPENED " + database.description());
        } catch (CharacterDatabaseException e) {
            System.out.println("REFUSED " + e.getMessage());
            System.out.flush();
            System.exit(REFUSED);
        }
    }
}
