package dev.ecoscan.adapter.character;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The repository suite on PostgreSQL: a throwaway server from the installed binaries, one per
 * class, and a new database per test. Without PostgreSQL each test is skipped with a message that
 * says how to install it, except on CI ({@code CI=true}), where each fails.
 */
class JdbcRewardMatcherOnPostgresTest extends CharacterRepositoryContract {

    private static PostgresServer server;

    @BeforeAll
    static void startPostgres() throws Exception {
        if (PostgresServer.isInstalled()) {
            server = PostgresServer.start();
        }
    }

    @AfterAll
    static void stopPostgres() {
        if (server != null) {
            server.close();
        }
    }

    @Override
    Opener newDatabase() throws Exception {
        // Here rather than in @BeforeAll, so the skip (or the CI failure) is reported on every test.
        PostgresServer.requireInstalled();
        String url = server.createDatabase();
        return () -> CharacterDatabase.external(url, server.user(), "");
    }
}
