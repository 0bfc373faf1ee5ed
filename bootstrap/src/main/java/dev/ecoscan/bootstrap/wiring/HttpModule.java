package dev.ecoscan.bootstrap.wiring;

import com.sun.management.UnixOperatingSystemMXBean;
import dagger.Module;
import dagger.Provides;
import dev.ecoscan.adapter.http.AuthSettings;
import dev.ecoscan.adapter.http.ConnectionLimits;
import dev.ecoscan.adapter.http.DevTokens;
import dev.ecoscan.adapter.http.HttpSettings;
import dev.ecoscan.adapter.http.RateLimit;
import dev.ecoscan.adapter.http.StreamLimits;
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
            String secret = settings.value(Setting.ECO_SCAN_GATEWAY_SECRET)
                    .orElseThrow(() -> new SettingsException(
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
                maxInFlight(settings, llm),
                settings.deadline(),
                HttpSettings.DEFAULT_MAX_BODY_BYTES,
                500,
                rateLimit(settings, dev),
                // The internal character routes serve this instance's own store, so only in db mode.
                settings.text(Setting.ECO_SCAN_REWARDS, "db").equals("db")
                        ? settings.value(Setting.ECO_SCAN_SERVICE_TOKEN)
                        : Optional.empty(),
                streamLimits(settings, llm),
                connectionLimits(settings, llm));
    }

    /**
     * How many client connections, how long one may idle and how long a client may take over a
     * request. The connection bound defaults to what the open files allow besides the scans' own
     * outbound sockets ({@link InFlightSizing#maxConnections}).
     */
    static ConnectionLimits connectionLimits(Settings settings, LlmEndpoint llm) {
        int inFlight = maxInFlight(settings, llm);
        int connections = settings.integer(
                Setting.ECO_SCAN_MAX_CONNECTIONS,
                InFlightSizing.maxConnections(openFileLimit(), inFlight, llm.simulated()));
        if (connections <= inFlight) {
            throw new SettingsException("ECO_SCAN_MAX_CONNECTIONS (" + connections + ") must be above the bound on"
                    + " scans in flight (" + inFlight + "): each scan holds its connection, and the next client"
                    + " must still reach us to be told 503");
        }
        return new ConnectionLimits(
                connections,
                settings.duration(Setting.ECO_SCAN_IDLE_TIMEOUT, ConnectionLimits.DEFAULT_IDLE_TIMEOUT),
                settings.duration(
                        Setting.ECO_SCAN_REQUEST_READ_TIMEOUT, ConnectionLimits.DEFAULT_REQUEST_READ_TIMEOUT));
    }

    static int maxInFlight(Settings settings, LlmEndpoint llm) {
        return settings.integer(
                Setting.ECO_SCAN_MAX_IN_FLIGHT, InFlightSizing.fromOpenFileLimit(openFileLimit(), llm.simulated()));
    }

    /**
     * The bounds on event streams. In all, as many as scans in flight unless set: an asynchronous scan
     * and its stream hold the sockets one synchronous scan does (the inbound one, and the one to the LLM).
     * The Redis queue sizes its pool of blocking reads by the same number.
     */
    static StreamLimits streamLimits(Settings settings, LlmEndpoint llm) {
        return new StreamLimits(
                settings.integer(Setting.ECO_SCAN_SSE_PER_USER, StreamLimits.DEFAULT_PER_USER),
                settings.integer(Setting.ECO_SCAN_SSE_MAX, maxInFlight(settings, llm)));
    }

    @Provides
    @Singleton
    static ImageFetchPolicy imagePolicy(Settings settings) {
        Set<String> hosts = settings.value(Setting.ECO_SCAN_IMAGE_HOSTS)
                .map(list -> Arrays.stream(list.split(","))
                        .map(String::strip)
                        .filter(h -> !h.isEmpty())
                        .collect(Collectors.toSet()))
                .orElse(Set.of());
        ImageFetchPolicy production = ImageFetchPolicy.production(hosts);
        return settings.devMode()
                ? new ImageFetchPolicy(
                        hosts,
                        true,
                        production.maxBytes(),
                        production.connectTimeout(),
                        production.totalTimeout(),
                        production.maxRedirects())
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
