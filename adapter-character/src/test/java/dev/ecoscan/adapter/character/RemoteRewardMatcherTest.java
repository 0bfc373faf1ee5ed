package dev.ecoscan.adapter.character;

import static dev.ecoscan.adapter.character.CharacterServiceStub.huge;
import static dev.ecoscan.adapter.character.CharacterServiceStub.json;
import static dev.ecoscan.adapter.character.CharacterServiceStub.status;
import static dev.ecoscan.adapter.character.RemoteFixtures.CATALOGUE;
import static dev.ecoscan.adapter.character.RemoteFixtures.PAPER_PACK;
import static dev.ecoscan.adapter.character.RemoteFixtures.TOKEN;
import static dev.ecoscan.adapter.character.RemoteFixtures.USER;
import static dev.ecoscan.adapter.character.RemoteFixtures.lenientBreaker;
import static dev.ecoscan.adapter.character.RemoteFixtures.milkCarton;
import static dev.ecoscan.adapter.character.RemoteFixtures.notEligible;
import static dev.ecoscan.adapter.character.RemoteFixtures.reward;
import static dev.ecoscan.adapter.character.RemoteFixtures.settings;
import static dev.ecoscan.adapter.character.RemoteFixtures.timed;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ecoscan.adapter.character.RemoteFixtures.Timed;
import dev.ecoscan.domain.reward.RewardOutcome;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RemoteRewardMatcherTest {

    private final CharacterServiceStub service = new CharacterServiceStub();
    private final RemoteRewardMatcher matcher =
            new RemoteRewardMatcher(settings(service.baseUrl()), CATALOGUE, lenientBreaker());

    @AfterEach
    void stop() {
        matcher.close();
        service.close();
    }

    @Test
    void a_received_character_is_granted_as_the_catalogue_knows_it() {
        service.replies(json(200, reward(true, false, PAPER_PACK, "종이팩")));

        RewardOutcome outcome = matcher.match(milkCarton(Duration.ofSeconds(5)));

        assertThat(outcome).isEqualTo(new RewardOutcome.Granted(PAPER_PACK, "종이팩"));
    }

    @Test
    void an_owned_character_is_already_owned() {
        service.replies(json(200, reward(false, true, PAPER_PACK, "종이팩")));

        RewardOutcome outcome = matcher.match(milkCarton(Duration.ofSeconds(5)));

        assertThat(outcome).isEqualTo(new RewardOutcome.AlreadyOwned(PAPER_PACK, "종이팩"));
    }

    @Test
    void a_reward_the_service_declines_is_not_eligible_for_its_reason() {
        service.replies(json(200, notEligible("이미 오늘 보상을 받았어요")));

        RewardOutcome outcome = matcher.match(milkCarton(Duration.ofSeconds(5)));

        assertThat(outcome).isEqualTo(new RewardOutcome.NotEligible("이미 오늘 보상을 받았어요"));
    }

    @Test
    void the_request_is_the_contracts_json_with_the_bearer_token() {
        service.replies(json(200, reward(true, false, PAPER_PACK, "종이팩")));

        matcher.match(milkCarton(Duration.ofSeconds(5)));

        CharacterServiceStub.Received request = service.last();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/api/v1/internal/characters/rewards");
        assertThat(request.authorization()).isEqualTo("Bearer " + TOKEN);
        assertThat(request.contentType()).isEqualTo("application/json");
        assertThat(request.body())
                .isEqualTo("{\"user_id\":\"" + USER.value() + "\",\"classification\":"
                        + "{\"major_category\":\"재활용폐기물\",\"middle_category\":\"종이팩\",\"minor_category\":\"우유팩\"},"
                        + "\"disposal_rules_present\":true,\"insufficiencies_present\":false}");
    }

    @Test
    void a_base_url_with_a_path_and_a_trailing_slash_keeps_its_path() {
        service.replies(json(200, reward(true, false, PAPER_PACK, "종이팩")));
        URI withPath = URI.create(service.baseUrl() + "/characters/");

        try (RemoteRewardMatcher prefixed = new RemoteRewardMatcher(settings(withPath), CATALOGUE, lenientBreaker())) {
            prefixed.match(milkCarton(Duration.ofSeconds(5)));
        }

        assertThat(service.last().path()).isEqualTo("/characters/api/v1/internal/characters/rewards");
    }

    @Test
    void a_character_the_catalogue_lacks_is_granted_under_a_remote_id() {
        service.replies(json(200, """
                {"received": true, "already_owned": false, "name": "새싹이", "dialog": "새로 왔어요!",
                 "match_reason": "종이팩", "character_type": "한정판"}"""));

        RewardOutcome outcome = matcher.match(milkCarton(Duration.ofSeconds(5)));

        assertThat(outcome).isInstanceOfSatisfying(RewardOutcome.Granted.class, granted -> {
            assertThat(granted.character().id()).startsWith("remote-");
            assertThat(granted.character().name()).isEqualTo("새싹이");
            assertThat(granted.character().type()).isEqualTo("한정판");
            assertThat(granted.character().dialog()).isEqualTo("새로 왔어요!");
            assertThat(granted.matchReason()).isEqualTo("종이팩");
        });
    }

    @Test
    void a_reply_that_breaks_the_contract_is_unavailable_and_not_retried() {
        service.replies(json(200, "{\"received\": \"yes\"}"));

        RewardOutcome outcome = matcher.match(milkCarton(Duration.ofSeconds(5)));

        assertThat(outcome)
                .isInstanceOfSatisfying(
                        RewardOutcome.Unavailable.class,
                        unavailable -> assertThat(unavailable.reason())
                                .contains("could not be read")
                                .contains("'received'"));
        assertThat(service.attempts()).isEqualTo(1);
    }

    @Test
    void a_reply_that_is_not_json_is_unavailable() {
        service.replies(json(200, "<html>gateway says hello</html>"));

        RewardOutcome outcome = matcher.match(milkCarton(Duration.ofSeconds(5)));

        assertThat(outcome)
                .isInstanceOfSatisfying(
                        RewardOutcome.Unavailable.class,
                        unavailable -> assertThat(unavailable.reason())
                                .contains("not valid JSON")
                                .doesNotContain("gateway"));
    }

    @Test
    void a_reply_far_too_large_is_abandoned() {
        service.replies(huge(4 * 1024 * 1024));

        RewardOutcome outcome = matcher.match(milkCarton(Duration.ofSeconds(5)));

        assertThat(outcome).isEqualTo(new RewardOutcome.Unavailable("the character service's reply was too large"));
    }

    @Test
    void a_stalled_service_is_unavailable_by_the_deadline() {
        service.replies(service.stallBeforeHeaders());

        Timed<RewardOutcome> call = timed(() -> matcher.match(milkCarton(Duration.ofMillis(500))));

        assertThat(call.value())
                .isInstanceOfSatisfying(
                        RewardOutcome.Unavailable.class,
                        unavailable -> assertThat(unavailable.reason())
                                .isEqualTo("the character service did not answer before the deadline"));
        assertThat(call.elapsed()).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void a_body_that_stalls_after_the_headers_is_unavailable_by_the_deadline() {
        service.replies(service.stallAfterHeaders());

        Timed<RewardOutcome> call = timed(() -> matcher.match(milkCarton(Duration.ofMillis(500))));

        assertThat(call.value()).isInstanceOf(RewardOutcome.Unavailable.class);
        assertThat(call.elapsed()).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void many_scans_share_one_matcher_at_once() {
        service.replies(json(200, reward(true, false, PAPER_PACK, "종이팩")));
        List<RewardOutcome> outcomes = new CopyOnWriteArrayList<>();

        try (ExecutorService scans = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int scan = 0; scan < 50; scan++) {
                scans.submit(() -> outcomes.add(matcher.match(milkCarton(Duration.ofSeconds(10)))));
            }
        }

        assertThat(outcomes).hasSize(50).containsOnly(new RewardOutcome.Granted(PAPER_PACK, "종이팩"));
        assertThat(service.attempts()).isEqualTo(50);
    }

    @Test
    void a_deadline_that_already_passed_calls_nothing() {
        RewardOutcome outcome = matcher.match(milkCarton(Duration.ofMillis(-1)));

        assertThat(outcome).isInstanceOf(RewardOutcome.Unavailable.class);
        assertThat(service.attempts()).isZero();
    }

    @Test
    void a_failing_service_is_retried_then_unavailable() {
        service.replies(status(503));

        RewardOutcome outcome = matcher.match(milkCarton(Duration.ofSeconds(5)));

        assertThat(outcome)
                .isEqualTo(new RewardOutcome.Unavailable("the character service failed (HTTP 503) after 3 attempts"));
        assertThat(service.attempts()).isEqualTo(1 + 2);
    }

    @Test
    void a_failure_followed_by_a_reward_is_granted() {
        service.replies(status(500), json(200, reward(true, false, PAPER_PACK, "종이팩")));

        RewardOutcome outcome = matcher.match(milkCarton(Duration.ofSeconds(5)));

        assertThat(outcome).isEqualTo(new RewardOutcome.Granted(PAPER_PACK, "종이팩"));
        assertThat(service.attempts()).isEqualTo(2);
    }

    @Test
    void retries_stop_at_the_deadline() {
        service.replies(status(503));
        RemoteCharacterService patient = new RemoteCharacterService(
                service.baseUrl(), TOKEN, Duration.ofSeconds(1), Duration.ofSeconds(2), 10, Duration.ofMillis(200));

        try (RemoteRewardMatcher retrying = new RemoteRewardMatcher(patient, CATALOGUE, lenientBreaker())) {
            Timed<RewardOutcome> call = timed(() -> retrying.match(milkCarton(Duration.ofMillis(500))));

            assertThat(call.value()).isInstanceOf(RewardOutcome.Unavailable.class);
            assertThat(call.elapsed()).isLessThan(Duration.ofSeconds(2));
        }
        assertThat(service.attempts()).isBetween(1, 10);
    }

    @Test
    void a_refused_token_is_unavailable_without_a_retry() {
        service.replies(status(401));

        RewardOutcome outcome = matcher.match(milkCarton(Duration.ofSeconds(5)));

        assertThat(outcome)
                .isEqualTo(new RewardOutcome.Unavailable(
                        "the character service refused eco-scan's service token (HTTP 401)"));
        assertThat(service.attempts()).isEqualTo(1);
    }

    @Test
    void a_bad_request_is_unavailable_without_a_retry() {
        service.replies(status(400));

        RewardOutcome outcome = matcher.match(milkCarton(Duration.ofSeconds(5)));

        assertThat(outcome)
                .isEqualTo(new RewardOutcome.Unavailable("the character service rejected the call (HTTP 400)"));
        assertThat(service.attempts()).isEqualTo(1);
    }

    @Test
    void a_service_nobody_listens_for_is_unavailable() {
        URI closed;
        try (CharacterServiceStub gone = new CharacterServiceStub()) {
            closed = gone.baseUrl();
        }
        try (RemoteRewardMatcher nowhere = new RemoteRewardMatcher(settings(closed), CATALOGUE, lenientBreaker())) {
            Timed<RewardOutcome> call = timed(() -> nowhere.match(milkCarton(Duration.ofSeconds(5))));

            assertThat(call.value())
                    .isInstanceOfSatisfying(
                            RewardOutcome.Unavailable.class,
                            unavailable -> assertThat(unavailable.reason()).contains("could not be reached"));
            assertThat(call.elapsed()).isLessThan(Duration.ofSeconds(5));
        }
    }

    @Test
    void no_reason_ever_mentions_the_token() {
        service.replies(status(401), status(403), status(503), json(200, "{"), service.stallBeforeHeaders());

        try (RemoteRewardMatcher once =
                new RemoteRewardMatcher(settings(service.baseUrl(), 0), CATALOGUE, lenientBreaker())) {
            for (int call = 0; call < 5; call++) {
                RewardOutcome outcome = once.match(milkCarton(Duration.ofMillis(300)));
                assertThat(outcome)
                        .isInstanceOfSatisfying(
                                RewardOutcome.Unavailable.class,
                                unavailable -> assertThat(unavailable.reason()).doesNotContain(TOKEN));
            }
        }
        assertThat(service.attempts()).isEqualTo(5);
    }

    @Test
    void the_settings_never_print_the_token() {
        assertThat(settings(service.baseUrl()).toString()).doesNotContain(TOKEN).contains("hidden");
    }
}
