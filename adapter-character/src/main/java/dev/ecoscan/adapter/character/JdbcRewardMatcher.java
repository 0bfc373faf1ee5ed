package dev.ecoscan.adapter.character;

import dev.ecoscan.domain.port.CharacterCollection;
import dev.ecoscan.domain.port.RewardGrant;
import dev.ecoscan.domain.port.RewardMatcher;
import dev.ecoscan.domain.reward.Character;
import dev.ecoscan.domain.reward.CharacterCatalogue;
import dev.ecoscan.domain.reward.CollectionUnavailableException;
import dev.ecoscan.domain.reward.OwnedCharacter;
import dev.ecoscan.domain.reward.RewardOutcome;
import dev.ecoscan.domain.scan.UserId;
import dev.ecoscan.domain.taxonomy.MiddleCategory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rewards on a {@link CharacterDatabase}: the character of the grant's middle category, granted at
 * most once per user by one insert-if-absent statement, and each user's collection, oldest first.
 * Whether a scan earns a character was decided before ({@link RewardGrant}); this only grants it.
 * On the embedded store a pair already known to be on disk is answered "already owned" without a
 * statement ({@link DurableOwnership}).
 */
public final class JdbcRewardMatcher implements RewardMatcher, CharacterCollection {

    private static final Logger LOG = LoggerFactory.getLogger("eco-scan.rewards");

    /**
     * The grant. One statement, so there is no window between a check and an insert: the primary key
     * decides, and the update count says who won (1: received, 0: already owned). PostgreSQL's MERGE
     * can still fail with a unique violation under concurrent inserts; ON CONFLICT DO NOTHING cannot,
     * and H2 accepts it in MODE=PostgreSQL.
     */
    static final String GRANT = """
            INSERT INTO owned_characters (user_id, character_id, match_reason, scan_id, received_at)
            VALUES (?, ?, ?, ?, ?)
            ON CONFLICT DO NOTHING""";

    static final String OWNED_BY = """
            SELECT character_id, received_at FROM owned_characters
            WHERE user_id = ?
            ORDER BY received_at, character_id""";
    /** Reading a collection has no scan deadline; this bounds it instead. */
    static final Duration READ_TIMEOUT = Duration.ofSeconds(5);

    static final String DEADLINE_PASSED = "the scan's deadline passed before the reward could be granted";
    private static final int MAX_REASON_LENGTH = 300;

    private final CharacterDatabase database;
    private final CharacterCatalogue catalogue;
    private final Clock clock;
    private final DurableOwnership durable = new DurableOwnership();

    public JdbcRewardMatcher(CharacterDatabase database, CharacterCatalogue catalogue, Clock clock) {
        this.database = Objects.requireNonNull(database, "database");
        this.catalogue = Objects.requireNonNull(catalogue, "catalogue");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public RewardOutcome match(RewardGrant grant) {
        Objects.requireNonNull(grant, "grant");
        try {
            MiddleCategory middle = grant.middle();
            Character character = catalogue.forMiddle(middle.id());
            String reason = middle.name();
            return switch (grant(grant, character, reason)) {
                case INSERTED -> new RewardOutcome.Granted(character, reason);
                case ALREADY_THERE -> new RewardOutcome.AlreadyOwned(character, reason);
                case OUT_OF_TIME -> new RewardOutcome.Unavailable(DEADLINE_PASSED);
            };
        } catch (SQLException e) {
            return new RewardOutcome.Unavailable(unavailable("the character database failed", e));
        } catch (RuntimeException e) {
            // A reward never fails a scan: even a bug here (bad data, a driver surprise) is only "unavailable".
            return new RewardOutcome.Unavailable(unavailable("rewards failed unexpectedly", e));
        }
    }

    @Override
    public List<OwnedCharacter> ownedBy(UserId user) {
        Objects.requireNonNull(user, "user");
        try (Connection connection = database.connection();
                PreparedStatement select = connection.prepareStatement(OWNED_BY)) {
            select.setQueryTimeout((int) READ_TIMEOUT.toSeconds());
            select.setString(1, user.value());
            List<OwnedCharacter> owned = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    Instant receivedAt = rows.getObject(2, OffsetDateTime.class).toInstant();
                    // A character retired from the catalogue stays in the table but is no longer shown.
                    catalogue
                            .byId(rows.getString(1))
                            .ifPresent(character -> owned.add(new OwnedCharacter(character, receivedAt)));
                }
            }
            return List.copyOf(owned);
        } catch (SQLException e) {
            throw new CollectionUnavailableException(unavailable("the character database failed", e), e);
        }
    }

    /**
     * The grant, bounded by the request's deadline through the driver, never by an interrupt (an
     * interrupt in H2's file I/O closes the database): the pool waits at most the time left, and each
     * statement's query timeout is the time left then.
     */
    private Insert grant(RewardGrant request, Character character, String reason) throws SQLException {
        Duration left = Duration.between(clock.instant(), request.deadline());
        if (left.isNegative() || left.isZero()) {
            return Insert.OUT_OF_TIME;
        }
        boolean embedded = database.showsCommitsBeforeTheyAreDurable();
        String user = request.user().value();
        if (embedded && durable.contains(user, character.id())) {
            return Insert.ALREADY_THERE;
        }
        try (Connection connection = database.connection(left);
                PreparedStatement insert = connection.prepareStatement(GRANT)) {
            // Waiting for the connection may have used up the time that was left.
            Optional<Integer> timeout = secondsLeft(request.deadline());
            if (timeout.isEmpty()) {
                return Insert.OUT_OF_TIME;
            }
            insert.setQueryTimeout(timeout.get());
            insert.setString(1, user);
            insert.setString(2, character.id());
            insert.setString(3, reason);
            insert.setString(4, request.scanId().toString());
            // Microseconds: what both databases store, so a grant reads back exactly as written.
            insert.setObject(
                    5, OffsetDateTime.ofInstant(clock.instant().truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC));
            if (insert.executeUpdate() == 1) {
                if (embedded) {
                    durable.add(user, character.id());
                }
                return Insert.INSERTED;
            }
            // The row that is "already there" may be another grant's commit not yet on disk; with no
            // time left to make sure, "already owned" is not said.
            Optional<Integer> checkpointTimeout = secondsLeft(request.deadline());
            if (checkpointTimeout.isEmpty()) {
                return Insert.OUT_OF_TIME;
            }
            database.awaitVisibleCommitsDurable(connection, checkpointTimeout.get());
            if (embedded) {
                durable.add(user, character.id());
            }
            return Insert.ALREADY_THERE;
        }
    }

    /** How many pairs are answered without a statement; for tests. */
    int knownDurablePairs() {
        return durable.size();
    }

    /** The time left before the deadline in JDBC's unit, whole seconds rounded up; empty when none is left. */
    private Optional<Integer> secondsLeft(Instant deadline) {
        Duration left = Duration.between(clock.instant(), deadline);
        if (left.isNegative() || left.isZero()) {
            return Optional.empty();
        }
        long seconds = left.getSeconds() + (left.getNano() > 0 ? 1 : 0);
        return Optional.of((int) Math.min(Integer.MAX_VALUE, seconds));
    }

    /**
     * eco-scan's own words for a failure, which a scan's reply may carry; the database's words (a
     * pool's timeout, H2's SQL text) go to the log only.
     */
    private static String unavailable(String what, Exception e) {
        String detail = e.getMessage() == null || e.getMessage().isBlank()
                ? e.getClass().getSimpleName()
                : e.getMessage().strip().lines().findFirst().orElseThrow();
        LOG.warn(what + ": "
                + (detail.length() <= MAX_REASON_LENGTH ? detail : detail.substring(0, MAX_REASON_LENGTH) + "…"));
        return what;
    }

    /** What the one insert did. */
    private enum Insert {
        INSERTED,
        ALREADY_THERE,
        OUT_OF_TIME
    }
}
