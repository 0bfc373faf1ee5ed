package dev.ecoscan.adapter.character;

import static dev.ecoscan.adapter.character.RewardRequests.CATALOGUE;
import static dev.ecoscan.adapter.character.RewardRequests.KNOWLEDGE;
import static dev.ecoscan.adapter.character.RewardRequests.eligible;
import static dev.ecoscan.adapter.character.RewardRequests.middle;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ecoscan.domain.reward.RewardOutcome;
import dev.ecoscan.domain.scan.ImageReference;
import dev.ecoscan.domain.scan.ScanId;
import dev.ecoscan.domain.scan.ScanOutcome;
import dev.ecoscan.domain.scan.ScanRequest;
import dev.ecoscan.domain.scan.UserId;
import dev.ecoscan.testkit.ScanTestKit;
import dev.ecoscan.testkit.ScriptedClassifier;
import dev.ecoscan.testkit.TestPipeline;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Grants whose scan deadline passes mid-call, on the embedded database, through the real pipeline
 * and its deadline guard. H2 closes its store, until the process restarts, when a thread is
 * interrupted in its file I/O; the pipeline must bound the reward step by the driver's timeouts
 * instead. With the guard interrupting the reward step at the deadline, as it once did, this test
 * closed the database in each of 10 runs.
 */
@Timeout(60)
class GrantsCutAtTheirDeadlineTest {

    private static final int GRANTS = 100;
    private static final UserId LOCKED = new UserId("locked-out");

    @TempDir
    Path dataDir;

    private CharacterDatabase database;

    @AfterEach
    void closeDatabase() {
        if (database != null) {
            database.close();
        }
    }

    @Test
    void a_hundred_grants_cut_at_their_deadline_leave_the_embedded_database_usable() throws Exception {
        database = CharacterDatabase.embedded(dataDir);
        JdbcRewardMatcher rewards = new JdbcRewardMatcher(database, CATALOGUE, Clock.systemUTC());
        TestPipeline scans = ScanTestKit.pipeline()
                .knowledge(KNOWLEDGE)
                .classifier(ScriptedClassifier.labelling("재활용폐기물", "종이팩", "우유팩"))
                .rewards(rewards)
                .build();
        List<ScanOutcome> outcomes = new ArrayList<>();
        AtomicBoolean writing = new AtomicBoolean(true);
        try (Connection blocker = database.connection()) {
            // Half the grants want the row another transaction holds: they wait until their query timeout.
            blocker.setAutoCommit(false);
            try (PreparedStatement insert = blocker.prepareStatement("INSERT INTO owned_characters VALUES (?,"
                    + " 'paper-pack', '종이팩', 'blocker', CURRENT_TIMESTAMP)")) {
                insert.setString(1, LOCKED.value());
                insert.executeUpdate();
            }
            // The other half commit while the store is busy writing, so their deadlines pass in file I/O.
            Thread writer = Thread.ofPlatform().name("bulk-writer").start(() -> writeInBulk(writing));
            Instant start = Instant.now();
            CountDownLatch together = new CountDownLatch(1);
            List<Future<ScanOutcome>> running = new ArrayList<>();
            try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int i = 0; i < GRANTS; i++) {
                    // Deadlines 20 to 515 ms away, so they pass at every point of a grant's call.
                    ScanRequest request = new ScanRequest(
                            ScanId.random(),
                            ImageReference.parse("milk.png"),
                            Optional.empty(),
                            i % 2 == 0 ? LOCKED : new UserId("user-" + i),
                            start.plusMillis(20 + 5L * i));
                    running.add(threads.submit(() -> {
                        together.await();
                        return scans.scan(request);
                    }));
                }
                together.countDown();
            } finally {
                writing.set(false);
                writer.join();
            }
            for (Future<ScanOutcome> outcome : running) {
                outcomes.add(outcome.get());
            }
            blocker.rollback();
        }

        assertThat(outcomes).hasSize(GRANTS);
        assertThat(rewards.match(eligible("dana", middle("종이팩"), Instant.now().plusSeconds(30))))
                .isInstanceOf(RewardOutcome.Granted.class);
        assertThat(rewards.ownedBy(new UserId("dana"))).hasSize(1);
        // And nothing a user was told they received is missing.
        for (ScanOutcome outcome : outcomes) {
            if (outcome instanceof ScanOutcome.Completed done && done.reward() instanceof RewardOutcome.Granted) {
                assertThat(rowsOfScan(outcome.scanId()))
                        .as("the grant of scan %s", outcome.scanId())
                        .isEqualTo(1);
            }
        }
    }

    /** Commits 500 rows at a time on a connection of its own, until told to stop. */
    private void writeInBulk(AtomicBoolean writing) {
        try (Connection connection = DriverManager.getConnection(CharacterDatabase.h2Url(dataDir), "sa", "");
                PreparedStatement insert = connection.prepareStatement("INSERT INTO owned_characters VALUES (?,"
                        + " 'paper-pack', '종이팩', 'bulk', CURRENT_TIMESTAMP)")) {
            connection.setAutoCommit(false);
            for (int batch = 0; writing.get(); batch++) {
                for (int row = 0; row < 500; row++) {
                    insert.setString(1, "bulk-" + batch + "-" + row);
                    insert.addBatch();
                }
                insert.executeBatch();
                connection.commit();
            }
        } catch (SQLException e) {
            // A closed database shows in the test's own checks.
        }
    }

    private long rowsOfScan(ScanId scan) throws SQLException {
        try (Connection connection = database.connection();
                PreparedStatement select =
                        connection.prepareStatement("SELECT COUNT(*) FROM owned_characters WHERE scan_id = ?")) {
            select.setString(1, scan.toString());
            try (ResultSet count = select.executeQuery()) {
                count.next();
                return count.getLong(1);
            }
        }
    }
}
