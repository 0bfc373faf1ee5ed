package dev.ecoscan.bootstrap.wiring;

import dagger.Module;
import dagger.Provides;
import dev.ecoscan.adapter.http.AuthSettings;
import dev.ecoscan.adapter.http.ConnectionLimits;
import dev.ecoscan.adapter.http.HttpSettings;
import dev.ecoscan.adapter.http.StreamLimits;
import dev.ecoscan.bootstrap.config.LimitSettings;
import dev.ecoscan.bootstrap.config.RewardSettings;
import dev.ecoscan.bootstrap.config.ServiceSettings;
import dev.ecoscan.bootstrap.config.SettingsException;
import jakarta.inject.Singleton;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** The HTTP service's settings: mode, address, auth, bounds. */
@Module
public interface HttpModule {

    @Provides
    @Singleton
    static AuthSettings auth(ServiceSettings service) {
        if (service.auth() == AuthSettings.Mode.GATEWAY) {
            // Without a shared secret anyone who reaches the port could name any user in x-user-id.
            String secret = service.gatewaySecret()
                    .orElseThrow(() -> new SettingsException(
                            "ECO_SCAN_AUTH=gateway needs ECO_SCAN_GATEWAY_SECRET: the secret the gateway sends in the "
                                    + "x-gateway-secret header, so that only the gateway can name the user"));
            return new AuthSettings(AuthSettings.Mode.GATEWAY, secret, null, null);
        }
        // In dev mode each of these has its default; in prod mode each must be set.
        String secret = service.jwtSecret()
                .orElseThrow(() -> new SettingsException("ECO_SCAN_JWT_SECRET is required in prod mode with"
                        + " ECO_SCAN_AUTH=jwt (an HS256 secret of at least 32 bytes)"));
        String issuer = service.jwtIssuer().orElseThrow(() -> requiredInProd("ECO_SCAN_JWT_ISSUER"));
        String audience = service.jwtAudience().orElseThrow(() -> requiredInProd("ECO_SCAN_JWT_AUDIENCE"));
        try {
            return new AuthSettings(AuthSettings.Mode.JWT, secret, issuer, audience);
        } catch (IllegalArgumentException e) {
            throw new SettingsException("ECO_SCAN_JWT_SECRET: " + e.getMessage());
        }
    }

    @Provides
    @Singleton
    static HttpSettings http(ServiceSettings service, LimitSettings limits, RewardSettings rewards, AuthSettings auth) {
        Path samples = service.samplesDir();
        return new HttpSettings(
                service.host(),
                service.port(),
                auth,
                service.dev() && Files.isDirectory(samples) ? Optional.of(samples.toAbsolutePath()) : Optional.empty(),
                limits.maxInFlight(),
                limits.deadline(),
                HttpSettings.DEFAULT_MAX_BODY_BYTES,
                500,
                limits.rateLimit(),
                // The internal character routes serve this instance's own store, so only in db mode.
                rewards.remote() ? Optional.empty() : rewards.serviceToken(),
                streamLimits(limits),
                connectionLimits(limits),
                // Dev mode's page to try a scan in a browser, at / for loopback clients; prod has none.
                service.dev());
    }

    /** How many client connections, how long one may idle and how long a client may take over a request. */
    static ConnectionLimits connectionLimits(LimitSettings limits) {
        return new ConnectionLimits(limits.maxConnections(), limits.idleTimeout(), limits.requestReadTimeout());
    }

    /** The bounds on event streams; the Redis queue sizes its pool of blocking reads by the total. */
    static StreamLimits streamLimits(LimitSettings limits) {
        return new StreamLimits(limits.ssePerUser(), limits.sseMax());
    }

    private static SettingsException requiredInProd(String name) {
        return new SettingsException(name + " is required in prod mode with ECO_SCAN_AUTH=jwt");
    }
}
