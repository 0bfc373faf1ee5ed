package dev.ecoscan.bootstrap.config;

import dev.ecoscan.adapter.http.AuthSettings;
import dev.ecoscan.adapter.http.DevTokens;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Where the service listens, in which mode, and how it knows its users.
 *
 * @param dev         dev or prod behaviour ({@link #MODE}; unset, the listener decides)
 * @param modeSet     whether {@link #MODE} was set, rather than worked out from the listener
 * @param jwtSecret   the HS256 secret; in dev mode a random one per process unless set
 * @param jwtIssuer   the expected {@code iss}; in dev mode {@link DevTokens#DEV_ISSUER} unless set
 * @param jwtAudience the expected {@code aud}; in dev mode {@link DevTokens#DEV_AUDIENCE} unless set
 */
public record ServiceSettings(
        boolean dev,
        boolean modeSet,
        String host,
        int port,
        Path samplesDir,
        AuthSettings.Mode auth,
        Optional<String> gatewaySecret,
        Optional<String> jwtSecret,
        Optional<String> jwtIssuer,
        Optional<String> jwtAudience) {

    static final Setting<String> MODE = Setting.of(
                    "ECO_SCAN_MODE",
                    "`dev` (dev token and curl in the banner, the try-it page at `/` and `samples/` served on loopback,"
                            + " loopback image URLs accepted, no rate limit, the simulator when no provider is set) or `prod` (none of"
                            + " that; with no provider, start-up stops naming the settings to set)",
                    Formats.oneOf("dev", "prod"))
            .defaultIs("`dev` when the listener is loopback, else `prod`; `dev` on a public listener only when set"
                    + " (the banner warns)");
    static final Setting<String> HOST = Setting.of(
                    "ECO_SCAN_HOST",
                    "address the HTTP service (and a worker's `/metrics`) listens on; a public address is an"
                            + " explicit choice",
                    Formats.LISTEN_ADDRESS)
            .defaultsTo("127.0.0.1");
    static final Setting<Integer> PORT = Setting.of("ECO_SCAN_PORT", "HTTP port (`0`: any free port)", Formats.PORT)
            .defaultsTo("8080");
    static final Setting<Path> SAMPLES_DIR = Setting.of(
                    "ECO_SCAN_SAMPLES_DIR",
                    "folder served at `/samples/` to loopback clients in dev mode",
                    Formats.PATH)
            .defaultsTo("./samples");
    static final Setting<AuthSettings.Mode> AUTH = Setting.of(
                    "ECO_SCAN_AUTH",
                    "`jwt` (cookie `s_access`) or `gateway` (trust `x-user-id` on requests that carry the gateway's"
                            + " secret)",
                    Formats.choice("jwt or gateway", text -> switch (text) {
                        case "jwt" -> Optional.of(AuthSettings.Mode.JWT);
                        case "gateway" -> Optional.of(AuthSettings.Mode.GATEWAY);
                        default -> Optional.empty();
                    }))
            .defaultsTo("jwt");
    static final Setting<String> GATEWAY_SECRET = Setting.of(
                    "ECO_SCAN_GATEWAY_SECRET",
                    "shared secret (16+ characters) the gateway sends in `x-gateway-secret`, compared in constant"
                            + " time; required with `ECO_SCAN_AUTH=gateway`",
                    Formats.TEXT.where("any text of at least 16 characters", text -> text.length() >= 16))
            .secret();
    static final Setting<String> JWT_SECRET = Setting.of(
                    "ECO_SCAN_JWT_SECRET", "HS256 secret (at least 32 bytes)", Formats.TEXT)
            .defaultIs("dev: random per process; prod: required")
            .secret();
    static final Setting<String> JWT_ISSUER = Setting.of("ECO_SCAN_JWT_ISSUER", "expected `iss`", Formats.TEXT)
            .defaultIs("dev: `" + DevTokens.DEV_ISSUER + "`; prod: required");
    static final Setting<String> JWT_AUDIENCE = Setting.of("ECO_SCAN_JWT_AUDIENCE", "expected `aud`", Formats.TEXT)
            .defaultIs("dev: `" + DevTokens.DEV_AUDIENCE + "`; prod: required");

    static ServiceSettings from(SettingValues values) {
        String host = values.get(HOST);
        // Unset, dev on a loopback address, which only this machine reaches, and prod on any other, so a
        // public listener never boots as a demo by accident.
        boolean dev = values.optional(MODE).map("dev"::equals).orElse(isLoopback(host));
        return new ServiceSettings(
                dev,
                values.isSet(MODE),
                host,
                values.get(PORT),
                values.get(SAMPLES_DIR),
                values.get(AUTH),
                values.optional(GATEWAY_SECRET),
                values.optional(JWT_SECRET).or(() -> dev ? Optional.of(DevTokens.randomSecret()) : Optional.empty()),
                values.optional(JWT_ISSUER).or(() -> dev ? Optional.of(DevTokens.DEV_ISSUER) : Optional.empty()),
                values.optional(JWT_AUDIENCE).or(() -> dev ? Optional.of(DevTokens.DEV_AUDIENCE) : Optional.empty()));
    }

    /** True when the listener is a loopback address: 127.0.0.0/8, {@code ::1} or {@code localhost}. */
    public boolean loopbackListener() {
        return isLoopback(host);
    }

    private static boolean isLoopback(String host) {
        String name = host.strip().toLowerCase(Locale.ROOT);
        return name.equals("localhost")
                || name.equals("::1")
                || name.equals("[::1]")
                || name.matches("127(\\.\\d{1,3}){3}");
    }
}
