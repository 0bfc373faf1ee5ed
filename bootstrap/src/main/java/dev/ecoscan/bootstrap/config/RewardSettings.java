package dev.ecoscan.bootstrap.config;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where rewards are kept: this process's database (embedded H2 under {@link #DATA_DIR}, or the JDBC
 * database of {@link #DB_URL}), or a remote character service.
 *
 * @param remote       true for a character service over HTTP, false for this process's database
 * @param serviceToken the character service's bearer token; it also opens this instance's own
 *                     internal character routes
 */
public record RewardSettings(
        boolean remote,
        Path dataDir,
        Optional<String> dbUrl,
        Optional<String> dbUser,
        Optional<String> dbPassword,
        Optional<URI> characterUrl,
        Optional<String> serviceToken) {

    static final Setting<Path> DATA_DIR = Setting.of(
                    "ECO_SCAN_DATA_DIR", "folder of the embedded database (H2; one process at a time)", Formats.PATH)
            .defaultsTo("./data");
    static final Setting<String> DB_URL = Setting.of(
                    "ECO_SCAN_DB_URL",
                    "JDBC URL of a database (PostgreSQL) instead of the embedded one; needed to run several processes",
                    Formats.JDBC_URL)
            .defaultIs("embedded H2")
            .urlWithPassword();
    static final Setting<String> DB_USER = Setting.of("ECO_SCAN_DB_USER", "user of that database", Formats.TEXT);
    static final Setting<String> DB_PASSWORD = Setting.of(
                    "ECO_SCAN_DB_PASSWORD", "password of that database", Formats.TEXT)
            .secret();
    static final Setting<String> REWARDS = Setting.of(
                    "ECO_SCAN_REWARDS",
                    "`db` (rewards in this process's database) or `remote` (a character service over HTTP)",
                    Formats.oneOf("db", "remote"))
            .defaultsTo("db");
    static final Setting<URI> CHARACTER_URL = Setting.of(
                    "ECO_SCAN_CHARACTER_URL", "the remote character service's base URL", Formats.HTTP_URL)
            .urlWithPassword();
    static final Setting<String> SERVICE_TOKEN = Setting.of(
                    "ECO_SCAN_SERVICE_TOKEN",
                    "the character service's bearer token; it also opens this instance's own internal character"
                            + " routes",
                    Formats.TEXT)
            .secret();

    static RewardSettings from(SettingValues values) {
        return new RewardSettings(
                values.get(REWARDS).equals("remote"),
                values.get(DATA_DIR),
                values.optional(DB_URL),
                values.optional(DB_USER),
                values.optional(DB_PASSWORD),
                values.optional(CHARACTER_URL),
                values.optional(SERVICE_TOKEN));
    }
}
