package dev.ecoscan.adapter.openai;

import dev.ecoscan.domain.scan.FailureKind;

/** What one logical call to the provider (retries included) came to. */
sealed interface ProviderReply {

    /** The model's text; {@code truncated} when it stopped at the output-token cap. */
    record Text(String content, boolean truncated) implements ProviderReply {
    }

    record Failure(FailureKind kind, String detail) implements ProviderReply {
    }
}
