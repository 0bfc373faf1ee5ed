package dev.ecoscan.adapter.openai;

import dev.langchain4j.exception.HttpException;
import java.time.Duration;
import java.util.Optional;

/** A provider's error reply, with the {@code Retry-After} that LangChain4j's own exception drops. */
final class ProviderHttpException extends HttpException {

    private final transient Optional<Duration> retryAfter;

    ProviderHttpException(int statusCode, String body, Optional<Duration> retryAfter) {
        super(statusCode, body);
        this.retryAfter = retryAfter;
    }

    Optional<Duration> retryAfter() {
        return retryAfter;
    }
}
