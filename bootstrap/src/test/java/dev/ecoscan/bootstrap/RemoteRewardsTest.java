package dev.ecoscan.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecoscan.bootstrap.config.Settings;
import dev.ecoscan.domain.reward.OwnedCharacter;
import dev.ecoscan.domain.reward.RewardOutcome;
import dev.ecoscan.domain.scan.ImageReference;
import dev.ecoscan.domain.scan.ScanId;
import dev.ecoscan.domain.scan.ScanOutcome;
import dev.ecoscan.domain.scan.ScanRequest;
import dev.ecoscan.domain.scan.UserId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One eco-scan as the character service of another: ECO_SCAN_REWARDS=remote against a real service. */
class RemoteRewardsTest {

    private static final String TOKEN = "shared-service-token";

    @TempDir
    Path dataDir;

    @Test
    void a_scan_on_one_instance_is_rewarded_by_the_other() throws Exception {
        TestServiceComponent characterService = engine(
                Map.of("ECO_SCAN_DATA_DIR", dataDir.toString(), "ECO_SCAN_SERVICE_TOKEN", TOKEN, "ECO_SCAN_PORT", "0"));
        RunningService service = characterService.service();
        TestServiceComponent scanner = engine(Map.of(
                "ECO_SCAN_REWARDS",
                "remote",
                "ECO_SCAN_CHARACTER_URL",
                service.baseUrl(),
                "ECO_SCAN_SERVICE_TOKEN",
                TOKEN));
        try {
            UserId user = new UserId(UUID.randomUUID().toString());

            ScanOutcome first = scanner.scanWaste().scan(milkCarton(user));
            ScanOutcome second = scanner.scanWaste().scan(milkCarton(user));

            assertThat(((ScanOutcome.Completed) first).reward()).isInstanceOf(RewardOutcome.Granted.class);
            assertThat(((ScanOutcome.Completed) second).reward()).isInstanceOf(RewardOutcome.AlreadyOwned.class);
            List<OwnedCharacter> owned = characterService.rewards().collection().ownedBy(user);
            assertThat(owned).extracting(o -> o.character().type()).containsExactly("종이팩");
            assertThat(scanner.rewards().collection().ownedBy(user)).hasSize(1);
        } finally {
            scanner.resources().close();
            service.server().close();
            characterService.resources().close();
        }
    }

    private static TestServiceComponent engine(Map<String, String> extra) {
        Map<String, String> env =
                new HashMap<>(Map.of("ECO_SCAN_CONFIG", "/dev/null", "ECO_SCAN_SIMULATOR_SPEED", "0"));
        env.putAll(extra);
        return TestServiceComponent.create(Settings.from(env));
    }

    private static ScanRequest milkCarton(UserId user) throws Exception {
        byte[] milk = Files.readAllBytes(
                Path.of(System.getProperty("eco-scan.samples", "../samples")).resolve("milk-carton.png"));
        return new ScanRequest(
                ScanId.random(),
                new ImageReference.Inline(milk, "image/png"),
                Optional.empty(),
                user,
                Instant.now().plusSeconds(30));
    }
}
