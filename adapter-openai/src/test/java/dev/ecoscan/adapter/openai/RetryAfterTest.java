package dev.ecoscan.adapter.openai;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RetryAfterTest {

    private final RetryAfterHttpClient client = new RetryAfterHttpClient(
            null, Duration.ofSeconds(1), null, Clock.fixed(Instant.parse("2026-11-26T10:00:00Z"), ZoneOffset.UTC));

    @Test
    void retry_after_in_seconds_and_as_an_http_date_are_both_understood() {
        assertThat(client.parseRetryAfter("3")).contains(Duration.ofSeconds(3));
        assertThat(client.parseRetryAfter("Thu, 26 Nov 2026 10:00:05 GMT")).contains(Duration.ofSeconds(5));
        assertThat(client.parseRetryAfter("Thu, 26 Nov 2026 09:00:00 GMT")).contains(Duration.ZERO);
        assertThat(client.parseRetryAfter("soon")).isEmpty();
    }

    @Test
    void backoff_doubles_up_to_its_maximum() {
        RetryPolicy policy = new RetryPolicy(5, Duration.ofMillis(100), Duration.ofMillis(350));

        assertThat(policy.backoff(1)).isEqualTo(Duration.ofMillis(100));
        assertThat(policy.backoff(2)).isEqualTo(Duration.ofMillis(200));
        assertThat(policy.backoff(3)).isEqualTo(Duration.ofMillis(350));
    }
}
