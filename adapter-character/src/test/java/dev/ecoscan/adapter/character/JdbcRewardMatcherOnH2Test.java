package dev.ecoscan.adapter.character;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecoscan.domain.reward.RewardOutcome;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The repository suite on the embedded default: H2 in file mode, in a data directory of its own. */
class JdbcRewardMatcherOnH2Test extends CharacterRepositoryContract {

    @TempDir
    Path dataDir;

    @Override
    Opener newDatabase() {
        return () -> CharacterDatabase.embedded(dataDir);
    }

    @Test
    void the_embedded_database_writes_each_commit_before_it_returns() throws SQLException {
        assertThat(count("SELECT CAST(SETTING_VALUE AS INT) FROM INFORMATION_SCHEMA.SETTINGS "
                        + "WHERE SETTING_NAME = 'WRITE_DELAY'"))
                .isZero();
    }

    /** Pool behaviour, the same whatever the database: tried once, here. */
    @Test
    void a_grant_that_finds_no_free_connection_is_unavailable_after_the_short_pool_wait() throws SQLException {
        List<Connection> everyConnection = new ArrayList<>();
        try {
            for (int i = 0; i < CharacterDatabase.POOL_SIZE; i++) {
                everyConnection.add(database().connection());
            }
            long started = System.nanoTime();
            RewardOutcome outcome = new JdbcRewardMatcher(database(), RewardRequests.CATALOGUE, Clock.systemUTC())
                    .match(RewardRequests.eligible(
                            "dana", RewardRequests.middle("종이팩"), Instant.now().plusSeconds(30)));
            Duration waited = Duration.ofNanos(System.nanoTime() - started);

            assertThat(outcome)
                    .isInstanceOfSatisfying(
                            RewardOutcome.Unavailable.class,
                            // The pool's own words go to the log; a scan's reply carries eco-scan's.
                            unavailable -> assertThat(unavailable.reason())
                                    .isEqualTo("the character database failed")
                                    .doesNotContain("Connection is not available"));
            assertThat(waited)
                    .isBetween(
                            CharacterDatabase.CONNECTION_TIMEOUT.minusMillis(100),
                            CharacterDatabase.CONNECTION_TIMEOUT.plusSeconds(1));
        } finally {
            for (Connection connection : everyConnection) {
                connection.close();
            }
        }
    }

    @Test
    void a_grant_with_less_time_left_than_the_pool_wait_gives_up_by_its_deadline() throws SQLException {
        List<Connection> everyConnection = new ArrayList<>();
        try {
            for (int i = 0; i < CharacterDatabase.POOL_SIZE; i++) {
                everyConnection.add(database().connection());
            }
            long started = System.nanoTime();
            RewardOutcome outcome = new JdbcRewardMatcher(database(), RewardRequests.CATALOGUE, Clock.systemUTC())
                    .match(RewardRequests.eligible(
                            "dana", RewardRequests.middle("종이팩"), Instant.now().plusMillis(300)));
            Duration waited = Duration.ofNanos(System.nanoTime() - started);

            assertThat(outcome).isInstanceOf(RewardOutcome.Unavailable.class);
            assertThat(waited).isBetween(Duration.ofMillis(250), Duration.ofMillis(1_000));
        } finally {
            for (Connection connection : everyConnection) {
                connection.close();
            }
        }
    }

    @Test
    void a_pair_this_process_knows_is_on_disk_is_answered_already_owned_without_a_statement() throws SQLException {
        JdbcRewardMatcher rewards = new JdbcRewardMatcher(database(), RewardRequests.CATALOGUE, Clock.systemUTC());
        assertThat(rewards.match(RewardRequests.eligible(
                        "dana", RewardRequests.middle("종이팩"), Instant.now().plusSeconds(30))))
                .isInstanceOf(RewardOutcome.Granted.class);
        List<Connection> everyConnection = new ArrayList<>();
        try {
            for (int i = 0; i < CharacterDatabase.POOL_SIZE; i++) {
                everyConnection.add(database().connection());
            }
            // No connection is free, so an answer that needed the database would be Unavailable.
            assertThat(rewards.match(RewardRequests.eligible(
                            "dana", RewardRequests.middle("종이팩"), Instant.now().plusMillis(300))))
                    .isInstanceOf(RewardOutcome.AlreadyOwned.class);
            assertThat(rewards.match(RewardRequests.eligible(
                            "eun", RewardRequests.middle("종이팩"), Instant.now().plusMillis(300))))
                    .isInstanceOf(RewardOutcome.Unavailable.class);
        } finally {
            for (Connection connection : everyConnection) {
                connection.close();
            }
        }
    }

    @Test
    void a_row_another_session_wrote_is_vouched_for_only_after_the_database_made_it_durable() throws SQLException {
        assertThat(new JdbcRewardMatcher(database(), RewardRequests.CATALOGUE, Clock.systemUTC())
                        .match(RewardRequests.eligible(
                                "dana",
                                RewardRequests.middle("종이팩"),
                                Instant.now().plusSeconds(30))))
                .isInstanceOf(RewardOutcome.Granted.class);
        JdbcRewardMatcher rewards = new JdbcRewardMatcher(database(), RewardRequests.CATALOGUE, Clock.systemUTC());
        List<Connection> everyConnection = new ArrayList<>();
        try {
            for (int i = 0; i < CharacterDatabase.POOL_SIZE; i++) {
                everyConnection.add(database().connection());
            }
            // Not known to this matcher: it must go to the database (and checkpoint) before it says so.
            assertThat(rewards.match(RewardRequests.eligible(
                            "dana", RewardRequests.middle("종이팩"), Instant.now().plusMillis(300))))
                    .isInstanceOf(RewardOutcome.Unavailable.class);
        } finally {
            for (Connection connection : everyConnection) {
                connection.close();
            }
        }
        assertThat(rewards.knownDurablePairs()).isZero();
        assertThat(rewards.match(RewardRequests.eligible(
                        "dana", RewardRequests.middle("종이팩"), Instant.now().plusSeconds(30))))
                .isInstanceOf(RewardOutcome.AlreadyOwned.class);
        assertThat(rewards.knownDurablePairs()).isEqualTo(1);
    }

    @Test
    void the_embedded_database_lives_in_the_data_directory() {
        assertThat(dataDir.resolve("characters.mv.db")).exists();
        assertThat(database().description()).isEqualTo("embedded H2 in " + dataDir.toAbsolutePath());
    }
}
