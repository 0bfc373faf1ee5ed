package dev.ecoscan.bootstrap.wiring;

import com.sun.management.UnixOperatingSystemMXBean;
import dagger.Module;
import dagger.Provides;
import dev.ecoscan.adapter.http.AuthSettings;
import dev.ecoscan.adapter.http.DevTokens;
import dev.ecoscan.adapter.http.HttpSettings;
import dev.ecoscan.adapter.http.RateLimit;
import dev.ecoscan.adapter.images.ImageFetchPolicy;
import dev.ecoscan.bootstrap.config.Setting;
import dev.ecoscan.bootstrap.config.Settings;
import dev.ecoscan.bootstrap.config.SettingsException;
import jakarta.inject.Singleton;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The HTTP service's settings: mode, address, auth, image hosts, bounds. */
@Module
interface HttpModule {

    @Provides
    @Singleton
    static AuthSettings auth(Settings settings) {
        if (settings.text(Setting.ECO_SCAN_AUTH, "jwt").equals("gateway")) {
            // Without a shared secret anyone who reaches the port could name any user in x-user-id.
            String secret = settings.value(Setting.ECO_SCAN_GATEWAY_SECRET).orElseThrow(() -> new SettingsException(
                    "ECO_SCAN_AUTH=gateway needs ECO_SCAN_GATEWAY_SECRET: the secret the gateway sends in the "
                            + "x-gateway-secret header, so that only the gateway can name the user"));
            return new AuthSettings(AuthSettings.Mode.GATEWAY, secret, null, null);
        }
        boolean dev = settings.devMode();
        String secret = settings.value(Setting.ECO_SCAN_JWT_SECRET).orElseGet(() -> {
            if (!dev) {
                throw new SettingsException("ECO_SCAN_JWT_SECRET is required in prod mode with ECO_SCAN_AUTH=jwt"
                        + " (an HS256 secret of at least 32 bytes)");
            }
            return DevTokens.randomSecret();
        });
        String issuer = required(settings, Setting.ECO_SCAN_JWT_ISSUER, dev, DevTokens.DEV_ISSUER);
        String audience = required(settings, Setting.ECO_SCAN_JWT_AUDIENCE, dev, DevTokens.DEV_AUDIENCE);
        try {
            return new AuthSettings(AuthSettings.Mode.JWT, secret, issuer, audience);
        } catch (IllegalArgumentException e) {
            throw new SettingsException("ECO_SCAN_JWT_SECRET: " + e.getMessage());
        }
    }

    @Provides
    @Singleton
    static HttpSettings http(Settings settings, AuthSettings auth, LlmEndpoint llm) {
        boolean dev = settings.devMode();
        Path samples = Path.of(settings.text(Setting.ECO_SCAN_SAMPLES_DIR, "samples"));
        return new HttpSettings(
                settings.host(),
                settings.integer(Setting.ECO_SCAN_PORT, 8080),
                auth,
                dev && Files.isDirectory(samples) ? Optional.of(samples.toAbsolutePath()) : Optional.empty(),
                settings.integer(Setting.ECO_SCAN_MAX_IN_FLIGHT, InFlightSizing.fromOpenFileLimit(openFileLimit(),
                        llm.simulated())),
                settings.deadline(),
                HttpSettings.DEFAULT_MAX_BODY_BYTES,
                500,
                rateLimit(settings, dev),
                // The internal character routes serve this instance's own store, so only in db mode.
                settings.text(Setting.ECO_SCAN_REWARDS, "db").equals("db")
                        ? settings.value(Setting.ECO_SCAN_SERVICE_TOKEN) : Optional.empty());
    }

    @Provides
    @Singleton
    static ImageFetchPolicy imagePolicy(Settings settings) {
        Set<String> hosts = settings.value(Setting.ECO_SCAN_IMAGE_HOSTS)
                .map(list -> Arrays.stream(list.split(",")).map(String::strip).filter(h -> !h.isEmpty())
                        .collect(Collectors.toSet()))
                .orElse(Set.of());
        ImageFetchPolicy production = ImageFetchPolicy.production(hosts);
        return settings.devMode()
                ? new ImageFetchPolicy(hosts, true, production.maxBytes(), production.connectTimeout(),
                        production.totalTimeout(), production.maxRedirects())
                : production;
    }

    /** {@code 60/min} in prod and {@code off} in dev unless set. */
    private static Optional<RateLimit> rateLimit(Settings settings, boolean dev) {
        String text = settings.text(Setting.ECO_SCAN_RATE_LIMIT, dev ? "off" : "60/min");
        return text.equals("off") ? Optional.empty() : Optional.of(RateLimit.parse(text));
    }

    private static String required(Settings settings, Setting setting, boolean dev, String devDefault) {
        return settings.value(setting).orElseGet(() -> {
            if (!dev) {
                throw new SettingsException(setting.env() + " is required in prod mode with ECO_SCAN_AUTH=jwt");
            }
            return devDefault;
        });
    }

    private static long openFileLimit() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        return os instanceof UnixOperatingSystemMXBean unix ? unix.getMaxFileDescriptorCount() : 4096;
    }
}
