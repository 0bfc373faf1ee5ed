package dev.ecoscan.adapter.character;

import static dev.ecoscan.adapter.character.RewardRequests.CATALOGUE;
import static dev.ecoscan.adapter.character.RewardRequests.eligible;
import static dev.ecoscan.adapter.character.RewardRequests.middle;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ecoscan.domain.reward.RewardOutcome;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Rewards kept on a data source the embedding application owns: migrated by eco-scan, never closed by it. */
class CallersDataSourceTest {

    private final JdbcDataSource callers = new JdbcDataSource();

    @BeforeEach
    void inMemoryDatabase() {
        // DB_CLOSE_DELAY=-1 keeps the database for as long as the JVM runs, as a host's pool would.
        callers.setURL("jdbc:h2:mem:callers-" + System.nanoTime() + ";MODE=PostgreSQL;DB_CLOSE_DELAY=-1");
        callers.setUser("sa");
    }

    @Test
    void the_callers_data_source_is_migrated_and_keeps_the_grants() throws SQLException {
        try (CharacterDatabase database = CharacterDatabase.on(callers)) {
            JdbcRewardMatcher rewards = new JdbcRewardMatcher(database, CATALOGUE, Clock.systemUTC());

            RewardOutcome first =
                    rewards.match(eligible("dana", middle("종이팩"), Instant.now().plusSeconds(30)));
            RewardOutcome second =
                    rewards.match(eligible("dana", middle("종이팩"), Instant.now().plusSeconds(30)));

            assertThat(database.migrationsApplied()).isEqualTo(1);
            assertThat(database.description()).isEqualTo("the caller's H2 data source");
            assertThat(first).isInstanceOf(RewardOutcome.Granted.class);
            assertThat(second).isInstanceOf(RewardOutcome.AlreadyOwned.class);
        }
        assertThat(ownedRows()).isEqualTo(1);
    }

    @Test
    void closing_eco_scans_database_leaves_the_callers_data_source_usable() throws SQLException {
        CharacterDatabase.on(callers).close();

        assertThat(ownedRows()).isZero();
    }

    private long ownedRows() throws SQLException {
        try (Connection connection = callers.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM owned_characters")) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
