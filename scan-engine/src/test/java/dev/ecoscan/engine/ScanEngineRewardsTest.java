package dev.ecoscan.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecoscan.domain.reward.RewardOutcome;
import dev.ecoscan.domain.scan.ScanOutcome;
import dev.ecoscan.domain.scan.UserId;
import dev.ecoscan.testkit.CannedAnswers;
import dev.ecoscan.testkit.ScriptedClassifier;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/** Rewards on the caller's DataSource: an in-memory H2 the test owns. */
class ScanEngineRewardsTest {

    @Test
    void a_recyclable_scan_grants_its_character_on_the_callers_database_which_stays_open() throws SQLException {
        JdbcDataSource callers = new JdbcDataSource();
        callers.setURL("jdbc:h2:mem:engine-rewards;MODE=PostgreSQL;DB_CLOSE_DELAY=-1");
        callers.setUser("sa");

        try (ScanEngine engine = ScanEngine.builder()
                .classifier(ScriptedClassifier.labelling("재활용폐기물", "종이팩", "우유팩"))
                .answers(CannedAnswers.fromRule())
                .rewardsOn(callers)
                .build()) {
            ScanOutcome first = engine.scan(
                    engine.request(Samples.inline("milk-carton.png"), new UserId("dana"), Optional.empty()));
            ScanOutcome second = engine.scan(
                    engine.request(Samples.inline("milk-carton.png"), new UserId("dana"), Optional.empty()));

            assertThat(first)
                    .isInstanceOfSatisfying(
                            ScanOutcome.Completed.class,
                            completed -> assertThat(completed.reward()).isInstanceOf(RewardOutcome.Granted.class));
            assertThat(second)
                    .isInstanceOfSatisfying(
                            ScanOutcome.Completed.class,
                            completed -> assertThat(completed.reward()).isInstanceOf(RewardOutcome.AlreadyOwned.class));
        }
        try (Connection connection = callers.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM owned_characters")) {
            rows.next();
            assertThat(rows.getLong(1)).isEqualTo(1);
        }
    }
}
