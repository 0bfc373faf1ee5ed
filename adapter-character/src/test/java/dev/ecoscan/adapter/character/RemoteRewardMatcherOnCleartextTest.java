package dev.ecoscan.adapter.character;

import static dev.ecoscan.adapter.character.RemoteFixtures.CATALOGUE;
import static dev.ecoscan.adapter.character.RemoteFixtures.PAPER_PACK;
import static dev.ecoscan.adapter.character.RemoteFixtures.USER;
import static dev.ecoscan.adapter.character.RemoteFixtures.lenientBreaker;
import static dev.ecoscan.adapter.character.RemoteFixtures.milkCarton;
import static dev.ecoscan.adapter.character.RemoteFixtures.reward;
import static dev.ecoscan.adapter.character.RemoteFixtures.settings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ecoscan.domain.reward.RewardOutcome;
import dev.ecoscan.testservers.RawHttpCapture;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the remote adapter really sends to an {@code http://} character service, byte for byte: plain
 * HTTP/1.1 without the JDK default's h2c upgrade offer, which uvicorn-based services and Envoy refuse.
 */
class RemoteRewardMatcherOnCleartextTest {

    private RawHttpCapture service;
    private RemoteRewardMatcher matcher;

    @BeforeEach
    void start() throws Exception {
        service = RawHttpCapture.start(request -> request.requestLine().startsWith("GET")
                ? RawHttpCapture.Reply.json(200, "[]")
                : RawHttpCapture.Reply.json(200, reward(true, false, PAPER_PACK, "종이팩")));
        matcher = new RemoteRewardMatcher(settings(URI.create(service.root())), CATALOGUE, lenientBreaker());
    }

    @AfterEach
    void stop() throws Exception {
        matcher.close();
        service.close();
    }

    @Test
    void a_reward_call_on_cleartext_offers_no_h2c_upgrade() {
        RewardOutcome outcome = matcher.match(milkCarton(Duration.ofSeconds(5)));

        assertThat(outcome).isEqualTo(new RewardOutcome.Granted(PAPER_PACK, "종이팩"));
        assertThat(service.requests()).singleElement().satisfies(request -> {
            assertThat(request.requestLine()).startsWith("POST ").endsWith(" HTTP/1.1");
            assertNoUpgradeOffered(request);
        });
    }

    @Test
    void a_collection_call_on_cleartext_offers_no_h2c_upgrade() {
        assertThat(matcher.ownedBy(USER)).isEmpty();

        assertThat(service.requests()).singleElement().satisfies(request -> {
            assertThat(request.requestLine()).startsWith("GET ").endsWith(" HTTP/1.1");
            assertNoUpgradeOffered(request);
        });
    }

    private static void assertNoUpgradeOffered(RawHttpCapture.Captured request) {
        assertThat(request.header("Upgrade")).as("Upgrade headers").isEmpty();
        assertThat(request.header("HTTP2-Settings"))
                .as("HTTP2-Settings headers")
                .isEmpty();
        assertThat(request.header("Connection"))
                .as("Connection headers")
                .noneMatch(value -> value.toLowerCase(java.util.Locale.ROOT).contains("upgrade"));
    }
}
