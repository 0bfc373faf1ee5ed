package dev.ecoscan.adapter.character;

import static dev.ecoscan.adapter.character.RewardRequests.CATALOGUE;
import static dev.ecoscan.adapter.character.RewardRequests.KNOWLEDGE;
import static dev.ecoscan.adapter.character.RewardRequests.eligible;
import static dev.ecoscan.adapter.character.RewardRequests.middle;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecoscan.domain.reward.Character;
import dev.ecoscan.domain.reward.CollectionUnavailableException;
import dev.ecoscan.domain.reward.OwnedCharacter;
import dev.ecoscan.domain.reward.RewardOutcome;
import dev.ecoscan.domain.scan.ScanOutcome;
import dev.ecoscan.domain.scan.UserId;
import dev.ecoscan.domain.taxonomy.MiddleCategory;
import dev.ecoscan.testkit.ManualClock;
import dev.ecoscan.testkit.ScanTestKit;
import dev.ecoscan.testkit.ScriptedClassifier;
import dev.ecoscan.testkit.TestPipeline;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The one repository suite: every database eco-scan supports must pass it. Each subclass says how
 * to make a new, empty database; each test gets its own.
 */
@Timeout(60)
abstract class CharacterRepositoryContract {

    private static final Instant START = Instant.parse("2025-05-01T09:00:00Z");
    private static final MiddleCategory PAPER_PACK = middle("종이팩");
    private static final MiddleCategory CLEAR_PET = middle("무색페트병");
    private static final MiddleCategory GLASS = middle("유리병");

    /** Opens the same database each time it is called: how a test reopens it. */
    @FunctionalInterface
    interface Opener {
        CharacterDatabase open();
    }

    private final ManualClock clock = new ManualClock(START);
    private Opener opener;
    private CharacterDatabase database;
    private JdbcRewardMatcher rewards;

    /** A new, empty database for one test. */
    abstract Opener newDatabase() throws Exception;

    @BeforeEach
    final void openNewDatabase() throws Exception {
        opener = newDatabase();
        database = opener.open();
        rewards = new JdbcRewardMatcher(database, CATALOGUE, clock);
    }

    @AfterEach
    final void closeDatabase() {
        if (database != null) { // null when the test was skipped before its database was made
            database.close();
        }
    }

    @Test
    void a_new_database_is_migrated_when_it_is_opened() throws SQLException {
        assertThat(database.migrationsApplied()).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM owned_characters")).isZero();
    }

    @Test
    void the_first_grant_is_received_and_the_next_one_is_already_owned() throws SQLException {
        Character packy = CATALOGUE.forMiddle(PAPER_PACK.id());

        RewardOutcome first = rewards.match(eligible("dana", PAPER_PACK, deadline()));
        RewardOutcome second = rewards.match(eligible("dana", PAPER_PACK, deadline()));

        assertThat(first).isEqualTo(new RewardOutcome.Granted(packy, "종이팩"));
        assertThat(second).isEqualTo(new RewardOutcome.AlreadyOwned(packy, "종이팩"));
        assertThat(packy.name()).isEqualTo("팩팩이");
        assertThat(packy.dialog()).isNotBlank();
        assertThat(count("SELECT COUNT(*) FROM owned_characters")).isEqualTo(1);
    }

    @Test
    void a_grant_records_who_received_what_for_which_scan_and_when() throws SQLException {
        var request = eligible("dana", PAPER_PACK, deadline());

        rewards.match(request);

        try (Connection connection = database.connection();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(
                        "SELECT user_id, character_id, match_reason, scan_id, received_at FROM owned_characters")) {
            assertThat(row.next()).isTrue();
            assertThat(row.getString(1)).isEqualTo("dana");
            assertThat(row.getString(2)).isEqualTo("paper-pack");
            assertThat(row.getString(3)).isEqualTo("종이팩");
            assertThat(row.getString(4)).isEqualTo(request.scanId().toString());
            assertThat(row.getObject(5, OffsetDateTime.class).toInstant()).isEqualTo(START);
        }
    }

    @Test
    void each_user_receives_a_character_once_whoever_else_owns_it() {
        assertThat(rewards.match(eligible("dana", PAPER_PACK, deadline()))).isInstanceOf(RewardOutcome.Granted.class);
        assertThat(rewards.match(eligible("eun", PAPER_PACK, deadline()))).isInstanceOf(RewardOutcome.Granted.class);
        assertThat(rewards.match(eligible("dana", GLASS, deadline()))).isInstanceOf(RewardOutcome.Granted.class);
    }

    @Test
    void a_scan_that_does_not_qualify_is_not_eligible_and_writes_nothing() throws SQLException {
        ScanOutcome outcome = scans().scan("bottle.png");

        assertThat(outcome)
                .isInstanceOfSatisfying(
                        ScanOutcome.Completed.class,
                        done -> assertThat(done.reward())
                                .isInstanceOfSatisfying(
                                        RewardOutcome.NotEligible.class,
                                        notEligible ->
                                                assertThat(notEligible.reason()).contains("비닐_라벨_부착")));
        assertThat(count("SELECT COUNT(*) FROM owned_characters")).isZero();
    }

    @Test
    void the_reward_policy_is_checked_before_the_database_is_touched() {
        database.close();

        assertThat(scans().scan("bottle.png"))
                .isInstanceOfSatisfying(
                        ScanOutcome.Completed.class,
                        done -> assertThat(done.reward()).isInstanceOf(RewardOutcome.NotEligible.class));
    }

    /** Scans of a bottle with its label still on, rewarded by this database. */
    private TestPipeline scans() {
        return ScanTestKit.pipeline()
                .knowledge(KNOWLEDGE)
                .classifier(ScriptedClassifier.labelling("재활용폐기물", "무색페트병", "먹는샘물 페트병", "비닐_라벨_부착"))
                .rewards(rewards)
                .clock(clock)
                .build();
    }

    @Test
    void one_hundred_concurrent_grants_of_one_character_give_one_received_and_ninety_nine_already_owned()
            throws Exception {
        int grants = 100;
        CountDownLatch startTogether = new CountDownLatch(1);
        List<Future<RewardOutcome>> outcomes = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(grants)) {
            for (int i = 0; i < grants; i++) {
                outcomes.add(threads.submit(() -> {
                    startTogether.await();
                    return rewards.match(eligible("dana", CLEAR_PET, deadline()));
                }));
            }
            startTogether.countDown();
        }

        List<RewardOutcome> results = new ArrayList<>();
        for (Future<RewardOutcome> outcome : outcomes) {
            results.add(outcome.get());
        }
        assertThat(results).filteredOn(RewardOutcome.Granted.class::isInstance).hasSize(1);
        assertThat(results)
                .filteredOn(RewardOutcome.AlreadyOwned.class::isInstance)
                .hasSize(99);
        assertThat(count("SELECT COUNT(*) FROM owned_characters")).isEqualTo(1);
    }

    @Test
    void a_collection_lists_the_users_characters_oldest_first() {
        rewards.match(eligible("dana", GLASS, deadline()));
        clock.advance(Duration.ofMinutes(1));
        rewards.match(eligible("dana", PAPER_PACK, deadline()));
        clock.advance(Duration.ofMinutes(1));
        rewards.match(eligible("eun", CLEAR_PET, deadline()));
        rewards.match(eligible("dana", CLEAR_PET, deadline()));

        assertThat(rewards.ownedBy(new UserId("dana")))
                .containsExactly(
                        new OwnedCharacter(CATALOGUE.forMiddle(GLASS.id()), START),
                        new OwnedCharacter(CATALOGUE.forMiddle(PAPER_PACK.id()), START.plus(Duration.ofMinutes(1))),
                        new OwnedCharacter(CATALOGUE.forMiddle(CLEAR_PET.id()), START.plus(Duration.ofMinutes(2))));
        assertThat(rewards.ownedBy(new UserId("nobody"))).isEmpty();
    }

    @Test
    void a_character_no_longer_in_the_catalogue_is_left_out_of_a_collection() throws SQLException {
        rewards.match(eligible("dana", GLASS, deadline()));
        try (Connection connection = database.connection();
                PreparedStatement insert = connection.prepareStatement(JdbcRewardMatcher.GRANT)) {
            insert.setString(1, "dana");
            insert.setString(2, "retired-character");
            insert.setString(3, "옛 분류");
            insert.setString(4, "00000000-0000-0000-0000-000000000000");
            insert.setObject(5, OffsetDateTime.ofInstant(START.minusSeconds(60), ZoneOffset.UTC));
            insert.executeUpdate();
        }

        assertThat(rewards.ownedBy(new UserId("dana")))
                .extracting(owned -> owned.character().id())
                .containsExactly("glass-bottle");
    }

    @Test
    void a_closed_database_makes_a_grant_unavailable_at_once_instead_of_throwing() {
        database.close();

        long started = System.nanoTime();
        RewardOutcome outcome = rewards.match(eligible("dana", PAPER_PACK, deadline()));

        assertThat(outcome)
                .isInstanceOfSatisfying(
                        RewardOutcome.Unavailable.class,
                        unavailable -> assertThat(unavailable.reason()).startsWith("the character database failed"));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void a_closed_database_makes_the_collection_unavailable() {
        database.close();

        assertThatThrownBy(() -> rewards.ownedBy(new UserId("dana")))
                .isInstanceOf(CollectionUnavailableException.class)
                .hasMessageStartingWith("the character database failed");
    }

    @Test
    void a_grant_whose_deadline_has_passed_is_unavailable_without_touching_the_database() {
        database.close();

        RewardOutcome outcome = rewards.match(eligible("dana", PAPER_PACK, START.minusMillis(1)));

        assertThat(outcome).isEqualTo(new RewardOutcome.Unavailable(JdbcRewardMatcher.DEADLINE_PASSED));
    }

    @Test
    void a_grant_held_up_by_another_transaction_gives_up_by_its_deadline() throws SQLException {
        try (Connection blocker = database.connection()) {
            blocker.setAutoCommit(false);
            try (PreparedStatement insert = blocker.prepareStatement(
                    "INSERT INTO owned_characters VALUES ('dana', 'paper-pack', '종이팩', 'x', CURRENT_TIMESTAMP)")) {
                insert.executeUpdate();
            }
            long started = System.nanoTime();
            RewardOutcome outcome = rewards.match(eligible("dana", PAPER_PACK, START.plusSeconds(1)));
            Duration waited = Duration.ofNanos(System.nanoTime() - started);
            blocker.rollback();

            assertThat(outcome).isInstanceOf(RewardOutcome.Unavailable.class);
            assertThat(waited).isLessThan(Duration.ofSeconds(4));
        }
        assertThat(rewards.match(eligible("dana", PAPER_PACK, deadline()))).isInstanceOf(RewardOutcome.Granted.class);
    }

    @Test
    void reopening_an_existing_database_runs_the_migrations_again_without_changing_anything() throws SQLException {
        rewards.match(eligible("dana", PAPER_PACK, deadline()));
        database.close();

        database = opener.open();
        rewards = new JdbcRewardMatcher(database, CATALOGUE, clock);

        assertThat(database.migrationsApplied()).isZero();
        // Flyway creates its table with a quoted lower-case name, on H2 as on PostgreSQL.
        assertThat(count("SELECT COUNT(*) FROM \"" + CharacterDatabase.HISTORY_TABLE + "\" WHERE \"version\" = '1'"))
                .isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM \"" + CharacterDatabase.HISTORY_TABLE + "\" WHERE NOT \"success\""))
                .isZero();
        assertThat(rewards.match(eligible("dana", PAPER_PACK, deadline())))
                .isInstanceOf(RewardOutcome.AlreadyOwned.class);
        assertThat(rewards.ownedBy(new UserId("dana"))).hasSize(1);
    }

    /** A deadline comfortably ahead of the test's clock. */
    private Instant deadline() {
        return clock.instant().plusSeconds(30);
    }

    long count(String query) throws SQLException {
        try (Connection connection = database.connection();
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(query)) {
            result.next();
            return result.getLong(1);
        }
    }

    CharacterDatabase database() {
        return database;
    }
}
