package dev.ecoscan.bootstrap.config;

import dev.ecoscan.adapter.openai.Provider;
import java.net.URI;
import java.util.Optional;

/**
 * The one fallback endpoint of the environment ({@code ECO_SCAN_FALLBACK_*}), used when the primary
 * fails to connect, times out, fails past its retries or its circuit is open. Its provider and
 * models default to the primary's.
 */
public record FallbackSettings(
        Provider provider, URI baseUrl, Optional<String> apiKey, String visionModel, String answerModel) {

    static final Setting<URI> BASE_URL = Setting.of(
                    "ECO_SCAN_FALLBACK_BASE_URL", "base URL of the fallback endpoint", Formats.HTTP_URL)
            .urlWithPassword();
    static final Setting<String> API_KEY = Setting.of(
                    "ECO_SCAN_FALLBACK_API_KEY", "key of the fallback endpoint", Formats.TEXT)
            .secret();
    static final Setting<Provider> PROVIDER = Setting.of(
                    "ECO_SCAN_FALLBACK_PROVIDER",
                    "provider profile of the fallback endpoint",
                    ProviderSettings.PROVIDER_FORMAT)
            .defaultIs("the primary's");
    static final Setting<String> VISION_MODEL = Setting.of(
                    "ECO_SCAN_FALLBACK_VISION_MODEL", "vision model at the fallback endpoint", Formats.MODEL)
            .defaultIs("the primary's");
    static final Setting<String> ANSWER_MODEL = Setting.of(
                    "ECO_SCAN_FALLBACK_ANSWER_MODEL", "answer model at the fallback endpoint", Formats.MODEL)
            .defaultIs("the primary's");

    /** The fallback, when its base URL or its key is set. */
    static Optional<FallbackSettings> from(
            SettingValues values, Provider primary, String primaryVision, String primaryAnswer) {
        if (!values.isSet(BASE_URL) && !values.isSet(API_KEY)) {
            return Optional.empty();
        }
        Provider provider = values.optional(PROVIDER).orElse(primary);
        URI base = values.optional(BASE_URL).orElseGet(() -> {
            if (provider != Provider.OPENAI) {
                throw new SettingsException("ECO_SCAN_FALLBACK_API_KEY is set without ECO_SCAN_FALLBACK_BASE_URL,"
                        + " which only an openai fallback can do without (ECO_SCAN_FALLBACK_PROVIDER)");
            }
            return ProviderSettings.OPENAI_URL;
        });
        return Optional.of(new FallbackSettings(
                provider,
                base,
                values.optional(API_KEY),
                values.optional(VISION_MODEL).orElse(primaryVision),
                values.optional(ANSWER_MODEL).orElse(primaryAnswer)));
    }
}
