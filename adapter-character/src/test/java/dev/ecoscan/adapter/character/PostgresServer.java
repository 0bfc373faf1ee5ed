package dev.ecoscan.adapter.character;

import static org.junit.jupiter.api.Assertions.fail;

import dev.ecoscan.testservers.LocalServers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A throwaway PostgreSQL server from the installed binaries: a data folder under a temporary
 * directory, listening on a free loopback port only, trust authentication, stopped and deleted by
 * {@link #close()}. PostgreSQL refuses to run as root, so as root it runs as the {@code postgres}
 * OS user (Debian's package creates it) through {@code runuser}.
 */
final class PostgresServer implements AutoCloseable {

    /** {@code -Deco-scan.postgresql.bin=...} picks a bin folder (or a missing one, to try the skip). */
    private static final String BIN_PROPERTY = "eco-scan.postgresql.bin";

    private static final Path INSTALLATIONS = Path.of("/usr/lib/postgresql");
    private static final List<String> BINARIES = List.of("initdb", "pg_ctl", "postgres");
    private static final String OS_USER = "postgres";
    private static final String SUPERUSER = "postgres";
    private static final int START_TIMEOUT_SECONDS = 30;

    private final Path bin;
    private final Path folder;
    private final int port;
    private final boolean asRoot;
    private final AtomicInteger databases = new AtomicInteger();
    private final Thread stopAtExit;

    private PostgresServer(Path bin, Path folder, int port, boolean asRoot) {
        this.bin = bin;
        this.folder = folder;
        this.port = port;
        this.asRoot = asRoot;
        // Should the test JVM end without close() (a crash, a killed build), the server must not linger.
        this.stopAtExit = new Thread(this::stopQuietly, "stop-throwaway-postgresql");
    }

    static boolean isInstalled() {
        return installedBin().isPresent();
    }

    /**
     * The installed bin folder, newest version first. Without one the calling test is skipped, except
     * on CI, where a missing PostgreSQL is a broken CI image and must fail rather than pass as skipped.
     */
    static Path requireInstalled() {
        Optional<Path> bin = installedBin();
        if (bin.isPresent()) {
            return bin.get();
        }
        String where = System.getProperty(BIN_PROPERTY, INSTALLATIONS + "/<version>/bin");
        throw LocalServers.missing("PostgreSQL (initdb, pg_ctl and postgres in " + where + ")", "postgresql");
    }

    /** Initialises a data folder and starts the server on a free loopback port, waiting until it accepts connections. */
    static PostgresServer start() throws IOException, InterruptedException {
        Path bin = requireInstalled();
        boolean asRoot = "root".equals(System.getProperty("user.name"));
        Path folder = Files.createTempDirectory("eco-scan-postgresql");
        PostgresServer server = new PostgresServer(bin, folder, LocalServers.freeLoopbackPort(), asRoot);
        try {
            Files.createDirectories(server.socketDir());
            if (asRoot) {
                chownRecursively(folder, OS_USER);
            }
            server.run(List.of(
                    bin.resolve("initdb").toString(),
                    "-D",
                    server.dataDir().toString(),
                    "-U",
                    SUPERUSER,
                    "--auth=trust",
                    "--encoding=UTF8",
                    "--locale=C",
                    "--no-sync",
                    "--no-instructions"));
            // fsync off: these tests are about SQL behaviour under concurrency, not about PostgreSQL's durability.
            server.run(List.of(
                    bin.resolve("pg_ctl").toString(),
                    "start",
                    "-w",
                    "-t",
                    Integer.toString(START_TIMEOUT_SECONDS),
                    "-D",
                    server.dataDir().toString(),
                    "-l",
                    server.logFile().toString(),
                    "-o",
                    "-c listen_addresses=127.0.0.1 -p " + server.port + " -k " + server.socketDir()
                            + " -c fsync=off -c max_connections=200"));
            Runtime.getRuntime().addShutdownHook(server.stopAtExit);
            return server;
        } catch (IOException | InterruptedException | RuntimeException | AssertionError e) {
            server.stopQuietly();
            throw e;
        }
    }

    /** A new, empty database on this server, so each test starts from nothing (and from migration V1). */
    String createDatabase() throws SQLException {
        String name = "characters_" + databases.incrementAndGet();
        try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), SUPERUSER, "");
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        }
        return jdbcUrl(name);
    }

    String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    String user() {
        return SUPERUSER;
    }

    /** The server's log, for failure messages. */
    String log() {
        try {
            return Files.readString(logFile());
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    /** Stops the server at once ({@code -m immediate}: nothing to keep) and deletes its folder. */
    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(stopAtExit);
        } catch (IllegalStateException alreadyShuttingDown) {
            // The hook is running or about to: it does the same work.
        }
        stopQuietly();
    }

    private void stopQuietly() {
        try {
            if (Files.exists(dataDir().resolve("postmaster.pid"))) {
                run(List.of(
                        bin.resolve("pg_ctl").toString(),
                        "stop",
                        "-m",
                        "immediate",
                        "-w",
                        "-D",
                        dataDir().toString()));
            }
        } catch (IOException | RuntimeException | AssertionError e) {
            System.err.println("could not stop the throwaway PostgreSQL in " + folder + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            LocalServers.deleteRecursively(folder);
        }
    }

    private void run(List<String> command) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>();
        if (asRoot) {
            full.addAll(List.of("runuser", "-u", OS_USER, "--"));
        }
        full.addAll(command);
        Path output = Files.createTempFile("eco-scan-postgresql-command", ".log");
        try {
            Process process = new ProcessBuilder(full)
                    .redirectErrorStream(true)
                    // To a file, not a pipe: nobody reads a pipe while waiting, and a full one would stall it.
                    .redirectOutput(output.toFile())
                    .start();
            if (!process.waitFor(START_TIMEOUT_SECONDS + 10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail(String.join(" ", full) + " did not finish in time:\n" + Files.readString(output) + "\n" + log());
            }
            if (process.exitValue() != 0) {
                fail(String.join(" ", full) + " exited with " + process.exitValue() + ":\n" + Files.readString(output)
                        + "\n" + log());
            }
        } finally {
            Files.deleteIfExists(output);
        }
    }

    private Path dataDir() {
        return folder.resolve("data");
    }

    private Path socketDir() {
        return folder.resolve("socket");
    }

    private Path logFile() {
        return folder.resolve("postgresql.log");
    }

    private static Optional<Path> installedBin() {
        String chosen = System.getProperty(BIN_PROPERTY);
        if (chosen != null) {
            return Optional.of(Path.of(chosen)).filter(PostgresServer::hasBinaries);
        }
        if (!Files.isDirectory(INSTALLATIONS)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(INSTALLATIONS)) {
            return versions.map(version -> version.resolve("bin"))
                    .filter(PostgresServer::hasBinaries)
                    .max(Comparator.comparing(PostgresServer::majorVersion));
        } catch (IOException e) {
            throw new UncheckedIOException("could not list " + INSTALLATIONS, e);
        }
    }

    private static boolean hasBinaries(Path bin) {
        return BINARIES.stream().allMatch(name -> Files.isExecutable(bin.resolve(name)));
    }

    /** "15", "16", ...: compared as numbers, so 9.6 is older than 10. */
    private static double majorVersion(Path bin) {
        try {
            return Double.parseDouble(bin.getParent().getFileName().toString());
        } catch (NumberFormatException notAVersion) {
            return -1;
        }
    }

    private static void chownRecursively(Path folder, String owner) throws IOException {
        UserPrincipal user =
                folder.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(owner);
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.toList()) {
                Files.setOwner(path, user);
            }
        }
    }
}
