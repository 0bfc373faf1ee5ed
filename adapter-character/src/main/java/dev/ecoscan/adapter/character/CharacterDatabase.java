package dev.ecoscan.adapter.character;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Where owned characters are kept: a HikariCP pool on embedded H2 or on PostgreSQL, migrated by
 * Flyway every time it is opened (an up-to-date database is left as it is).
 */
public final class CharacterDatabase implements AutoCloseable {

    /**
     * The longest anyone waits for a pooled connection (HikariCP's connection timeout); a grant waits
     * at most the time its deadline leaves, when that is less ({@link #connection(Duration)}).
     */
    static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(2);

    static final String MIGRATIONS = "classpath:db/character";
    /** Its own history table, so other modules' migrations on the same database never mix with these. */
    static final String HISTORY_TABLE = "character_schema_history";

    static final int POOL_SIZE = 10;
    private static final String H2_FILE_NAME = "characters";

    private final DataSource source;
    /** The pool eco-scan opened and closes; empty on a caller's data source. */
    private final Optional<HikariDataSource> pool;

    private final String description;
    private final int migrationsApplied;
    private final boolean embedded;

    private CharacterDatabase(
            DataSource source,
            Optional<HikariDataSource> pool,
            String description,
            int migrationsApplied,
            boolean embedded) {
        this.source = source;
        this.pool = pool;
        this.description = description;
        this.migrationsApplied = migrationsApplied;
        this.embedded = embedded;
    }

    /**
     * H2 in file mode under {@code dataDir} (created when missing), for one process at a time. A
     * second process gets a {@link CharacterDatabaseException} that says so.
     */
    public static CharacterDatabase embedded(Path dataDir) {
        Path directory =
                Objects.requireNonNull(dataDir, "dataDir").toAbsolutePath().normalize();
        if (directory.toString().contains(";")) {
            // H2 reads ';' as the start of its settings, so such a path would name another file.
            throw new IllegalArgumentException("the data directory must not contain ';': " + directory);
        }
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new CharacterDatabaseException("cannot create the data directory " + directory + ": " + e, e);
        }
        HikariConfig config = CharacterPool.config(h2Url(directory), "sa", "");
        // A lock held by another process does not go away by trying again: fail on the first attempt.
        config.setInitializationFailTimeout(1);
        String description = "embedded H2 in " + directory;
        HikariDataSource pool = CharacterPool.start(
                config,
                description,
                failure -> CharacterPool.isH2FileLocked(failure)
                        ? Optional.of("the data directory " + directory + " is in use by another eco-scan process. "
                                + "The embedded database serves one process at a time: stop the other process, give "
                                + "this one another data directory (ECO_SCAN_DATA_DIR), or use PostgreSQL "
                                + "(ECO_SCAN_DB_URL) to run several processes")
                        : Optional.empty());
        return migrated(pool, Optional.of(pool), description, true);
    }

    /** A database server, PostgreSQL in production, reached through its JDBC URL. */
    public static CharacterDatabase external(String jdbcUrl, String user, String password) {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        if (!jdbcUrl.startsWith("jdbc:")) {
            throw new IllegalArgumentException("a JDBC URL starts with 'jdbc:', e.g. "
                    + "jdbc:postgresql://127.0.0.1:5432/ecoscan; got " + redacted(jdbcUrl));
        }
        HikariConfig config = CharacterPool.config(jdbcUrl, user, password);
        // A server that is still starting gets as long as one connection would.
        config.setInitializationFailTimeout(CONNECTION_TIMEOUT.toMillis());
        String description = redacted(jdbcUrl) + " as " + user;
        HikariDataSource pool = CharacterPool.start(config, description, failure -> Optional.empty());
        return migrated(pool, Optional.of(pool), description, false);
    }

    /**
     * The embedding application's data source (its pool, its credentials), migrated like eco-scan's
     * own; eco-scan never closes it. Waits for a connection are the data source's own, and H2 (in
     * any mode) gets the same durability check as the embedded database.
     */
    public static CharacterDatabase on(DataSource dataSource) {
        Objects.requireNonNull(dataSource, "dataSource");
        String product;
        try (Connection connection = dataSource.getConnection()) {
            product = connection.getMetaData().getDatabaseProductName();
        } catch (SQLException e) {
            throw new CharacterDatabaseException("cannot reach the caller's data source: " + e.getMessage(), e);
        }
        return migrated(dataSource, Optional.empty(), "the caller's " + product + " data source", "H2".equals(product));
    }

    /** What this database is, for banners and errors: the H2 directory or the URL, never a password. */
    public String description() {
        return description;
    }

    /** How many migrations this opening applied; 0 when the database was already up to date. */
    int migrationsApplied() {
        return migrationsApplied;
    }

    /** A pooled connection; waits at most {@link #CONNECTION_TIMEOUT}. */
    Connection connection() throws SQLException {
        return source.getConnection();
    }

    /**
     * A pooled connection, waiting at most {@code maxWait} (and never past {@link #CONNECTION_TIMEOUT}),
     * so a grant with little time left gives up by its deadline rather than the pool's. Hikari's
     * data source takes no per-call wait, but its pool does: that is the one HikariCP API used here.
     * A caller's data source waits as its owner configured it.
     */
    Connection connection(Duration maxWait) throws SQLException {
        long millis = Math.max(1, Math.min(maxWait.toMillis(), CONNECTION_TIMEOUT.toMillis()));
        // A closed pool answers at once through the data source; asked directly, it would wait.
        if (pool.isPresent()
                && !pool.get().isClosed()
                && pool.get().getHikariPoolMXBean() instanceof HikariPool hikari) {
            return hikari.getConnection(millis);
        }
        return source.getConnection();
    }

    /** True for H2, whose sessions may read a commit before it is on disk ({@link #awaitVisibleCommitsDurable}). */
    boolean showsCommitsBeforeTheyAreDurable() {
        return embedded;
    }

    /**
     * Returns once every commit this connection can see is on disk. An answer read from another
     * session's row ("already owned") must not outlive a crash that takes the row back. H2 shows a
     * commit to other sessions a moment before the committing session has written it, so there a
     * {@code CHECKPOINT} writes (or waits for) what is pending; the SIGKILL test loses such rows
     * without it. PostgreSQL shows a commit only after its WAL is flushed: nothing to do.
     */
    void awaitVisibleCommitsDurable(Connection connection, int queryTimeoutSeconds) throws SQLException {
        if (embedded) {
            try (Statement checkpoint = connection.createStatement()) {
                checkpoint.setQueryTimeout(queryTimeoutSeconds);
                checkpoint.execute("CHECKPOINT");
            }
        }
    }

    /**
     * Closes eco-scan's own pool; with H2 this also closes the database and releases the data
     * directory. A caller's data source stays open: it is theirs.
     */
    @Override
    public void close() {
        pool.ifPresent(HikariDataSource::close);
    }

    @Override
    public String toString() {
        return description;
    }

    /**
     * The embedded URL. {@code WRITE_DELAY=0}: H2 otherwise writes committed changes up to 500 ms
     * later from a background thread, so a grant already acknowledged could vanish with a killed
     * process; at 0 every commit writes its MVStore chunk before it returns. {@code FILE_LOCK=FS}: an
     * OS lock on the file, which the kernel releases when the process dies (even by SIGKILL), so a
     * crash never leaves a stale lock. {@code DB_CLOSE_ON_EXIT=FALSE}: H2's own shutdown hook would
     * close the database while scans still drain after SIGTERM; {@link #close()} decides instead.
     */
    static String h2Url(Path directory) {
        return "jdbc:h2:file:" + directory.resolve(H2_FILE_NAME)
                + ";MODE=PostgreSQL;WRITE_DELAY=0;FILE_LOCK=FS;DB_CLOSE_ON_EXIT=FALSE";
    }

    private static CharacterDatabase migrated(
            DataSource source, Optional<HikariDataSource> pool, String description, boolean embedded) {
        try {
            int applied = Flyway.configure(CharacterDatabase.class.getClassLoader())
                    .dataSource(source)
                    .locations(MIGRATIONS)
                    .table(HISTORY_TABLE)
                    .failOnMissingLocations(true)
                    .validateMigrationNaming(true)
                    .load()
                    .migrate()
                    .migrationsExecuted;
            return new CharacterDatabase(source, pool, description, applied, embedded);
        } catch (RuntimeException e) {
            // Whatever failed (Flyway wraps SQL errors in FlywayException, but not everything), the pool,
            // and with H2 the lock on the data directory, must not outlive the failed start.
            pool.ifPresent(HikariDataSource::close);
            throw new CharacterDatabaseException(
                    "migrating the character database (" + description + ") failed: " + e.getMessage(), e);
        }
    }

    /** The URL with any {@code password=...} parameter masked: URLs end up in logs and error messages. */
    static String redacted(String jdbcUrl) {
        return jdbcUrl.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }
}
