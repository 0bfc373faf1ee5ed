package dev.ecoscan.adapter.character;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real crash of the embedded store: a child JVM grants from several threads, is killed with
 * SIGKILL in the middle of it, and the data directory is opened again.
 */
class EmbeddedDatabaseCrashTest {

    private static final Pattern ACK = Pattern.compile("ACK (\\S+) (\\S+) (received|already_owned)");
    private static final int ACKS_BEFORE_KILL = 300;
    /** How Java reports a child that died of signal 9: 128 + 9. */
    private static final int KILLED_BY_SIGKILL = 137;

    @TempDir
    Path dataDir;

    @TempDir
    Path logs;

    private record Ack(String user, String character, String status) {
        Pair pair() {
            return new Pair(user, character);
        }
    }

    private record Pair(String user, String character) {}

    @Test
    @Timeout(60)
    void every_acknowledged_grant_survives_a_sigkill_in_the_middle_of_a_storm_of_grants() throws Exception {
        Path stderr = logs.resolve("grant-storm.err");
        Process storm = ChildJvm.start(GrantStorm.class, stderr, dataDir.toString());
        List<Ack> acks = new ArrayList<>();
        try (BufferedReader lines = storm.inputReader(StandardCharsets.UTF_8)) {
            readAcks(lines, acks, ACKS_BEFORE_KILL);
            storm.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no close, nothing flushed
            assertThat(storm.waitFor(10, TimeUnit.SECONDS)).as("the child died").isTrue();
            // Lines the child printed before it died were acknowledged too: check those still in the pipe.
            try {
                readAcks(lines, acks, Integer.MAX_VALUE);
            } catch (IOException closedWhenTheChildWasReaped) {
                // The JDK closes a dead child's stdout once it has reaped it; what was read is enough.
            }
        } finally {
            storm.destroyForcibly(); // never leave a storm running when the test fails early
        }
        assertThat(acks)
                .as("acknowledged grants; the child's stderr:%n%s", Files.readString(stderr))
                .hasSizeGreaterThanOrEqualTo(ACKS_BEFORE_KILL);
        assertThat(storm.exitValue()).as("killed by SIGKILL").isEqualTo(KILLED_BY_SIGKILL);
        assertThat(acks)
                .filteredOn(ack -> ack.status().equals("already_owned"))
                .as("some repeats")
                .isNotEmpty();
        Map<Pair, Long> receivedTimes = acks.stream()
                .filter(ack -> ack.status().equals("received"))
                .collect(Collectors.groupingBy(Ack::pair, Collectors.counting()));
        assertThat(receivedTimes)
                .as("no pair was received twice")
                .allSatisfy((pair, times) -> assertThat(times).isEqualTo(1));

        try (CharacterDatabase reopened = CharacterDatabase.embedded(dataDir)) {
            assertThat(reopened.migrationsApplied())
                    .as("migrations already applied")
                    .isZero();
            Set<Pair> rows = new HashSet<>(query(
                    reopened,
                    "SELECT user_id, character_id FROM owned_characters",
                    row -> new Pair(row.getString(1), row.getString(2))));
            assertThat(rows).containsAll(acks.stream().map(Ack::pair).toList());
            assertThat(single(reopened, "SELECT COUNT(*) FROM owned_characters"))
                    .isEqualTo(rows.size())
                    .isEqualTo(single(
                            reopened,
                            "SELECT COUNT(*) FROM (SELECT DISTINCT user_id, character_id FROM owned_characters) d"));
            assertThat(
                            single(
                                    reopened,
                                    "SELECT COUNT(*) FROM owned_characters WHERE user_id IS NULL "
                                            + "OR character_id IS NULL OR match_reason IS NULL OR scan_id IS NULL OR received_at IS NULL"))
                    .isZero();
            assertThat(single(
                            reopened,
                            "SELECT COUNT(*) FROM \"" + CharacterDatabase.HISTORY_TABLE + "\" WHERE \"version\" = '1'"))
                    .isEqualTo(1);
            assertThat(single(
                            reopened,
                            "SELECT COUNT(*) FROM \"" + CharacterDatabase.HISTORY_TABLE + "\" WHERE NOT \"success\""))
                    .isZero();
        }
    }

    private static void readAcks(BufferedReader lines, List<Ack> acks, int until) throws IOException {
        String line;
        while (acks.size() < until && (line = lines.readLine()) != null) {
            // A line cut off by the kill does not match, and was never an acknowledgement.
            Matcher ack = ACK.matcher(line);
            if (ack.matches()) {
                acks.add(new Ack(ack.group(1), ack.group(2), ack.group(3)));
            }
        }
    }

    private static long single(CharacterDatabase database, String sql) throws SQLException {
        return query(database, sql, row -> row.getLong(1)).getFirst();
    }

    private static <T> List<T> query(CharacterDatabase database, String sql, Row<T> mapper) throws SQLException {
        List<T> results = new ArrayList<>();
        try (Connection connection = database.connection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                results.add(mapper.read(rows));
            }
        }
        return results;
    }

    @FunctionalInterface
    private interface Row<T> {
        T read(ResultSet row) throws SQLException;
    }
}
