package dev.ecoscan.adapter.character;

import dev.ecoscan.domain.reward.RewardOutcome;
import dev.ecoscan.domain.taxonomy.MiddleCategory;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The process {@link EmbeddedDatabaseCrashTest} kills: it opens the embedded store in the data
 * directory given as its argument and grants (user, character) pairs from several threads, forever.
 * After each grant has returned, and only then, it prints
 * {@code ACK <user> <character> <received|already_owned>} and flushes.
 *
 * <p>Every thread walks the same sequence of pairs (user-0 with each character, then user-1, ...),
 * each from its own random start near the front, so threads keep colliding on pairs that are new:
 * one receives, the others find it already owned while its commit may still be on its way to disk.
 * That is where a crash can take back an answer (random pairs rarely collide so closely).
 */
final class GrantStorm {

    static final int THREADS = 4;

    private GrantStorm() {}

    public static void main(String[] args) {
        CharacterDatabase database = CharacterDatabase.embedded(Path.of(args[0]));
        JdbcRewardMatcher rewards = new JdbcRewardMatcher(database, RewardRequests.CATALOGUE, Clock.systemUTC());
        List<MiddleCategory> middles = RewardRequests.recyclableMiddles();
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        for (int t = 0; t < THREADS; t++) {
            Thread.ofPlatform().name("grant-storm-" + t).start(() -> {
                for (int pair = ThreadLocalRandom.current().nextInt(THREADS); ; pair++) {
                    String user = "user-" + pair / middles.size();
                    MiddleCategory middle = middles.get(pair % middles.size());
                    RewardOutcome outcome = rewards.match(
                            RewardRequests.eligible(user, middle, Instant.now().plusSeconds(30)));
                    String line = switch (outcome) {
                        case RewardOutcome.Granted granted ->
                            ack(user, granted.character().id(), "received");
                        case RewardOutcome.AlreadyOwned owned ->
                            ack(user, owned.character().id(), "already_owned");
                        default -> null;
                    };
                    if (line == null) {
                        System.err.println("not acknowledged: " + outcome);
                        continue;
                    }
                    synchronized (out) {
                        out.println(line);
                        out.flush();
                    }
                }
            });
        }
    }

    private static String ack(String user, String characterId, String status) {
        return "ACK " + user + " " + characterId + " " + status;
    }
}
