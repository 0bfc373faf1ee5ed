package dev.ecoscan.adapter.character;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The repository suite on PostgreSQL: a throwaway server from the installed binaries, one per
 * class, and a new database per test. Skipped when PostgreSQL is not installed, except on CI.
 */
class JdbcRewardMatcherOnPostgresTest extends CharacterRepositoryContract {

    private static PostgresServer server;

    @BeforeAll
    static void startPostgres() throws Exception {
        server = PostgresServer.start();
    }

    @AfterAll
    static void stopPostgres() {
        if (server != null) {
            server.close();
        }
    }

    @Override
    Opener newDatabase() throws Exception {
        String url = server.createDatabase();
        return () -> CharacterDatabase.external(url, server.user(), "");
    }
}
