package dev.ecoscan.adapter.http;

import dev.ecoscan.application.port.GrantReward;
import dev.ecoscan.application.port.ListCharacters;
import dev.ecoscan.application.port.RewardClaim;
import dev.ecoscan.domain.reward.RewardOutcome;
import dev.ecoscan.domain.scan.UserId;
import dev.ecoscan.support.characters.RewardJson;
import dev.ecoscan.support.characters.RewardRequestJson;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The character service's routes for other services: grant the reward of a scan, and list any
 * user's characters. They answer only callers with the service token; without one configured they
 * do not exist.
 */
final class InternalCharacterRoutes extends ApiFeature {

    static final Route REWARDS = Route.post("/api/v1/internal/characters/rewards");
    static final Route OWNED = Route.get("/api/v1/internal/characters/users/{user_id}");

    private final Optional<String> serviceToken;
    private final JsonBodyReader bodies;
    private final GrantReward rewards;
    private final ListCharacters characters;

    InternalCharacterRoutes(
            RouteGuard guard,
            Optional<String> serviceToken,
            JsonBodyReader bodies,
            GrantReward rewards,
            ListCharacters characters) {
        super(guard);
        this.serviceToken = serviceToken;
        this.bodies = bodies;
        this.rewards = rewards;
        this.characters = characters;
    }

    @Override
    List<Endpoint> endpoints() {
        return List.of(Endpoint.of(REWARDS, this::reward), Endpoint.of(OWNED, this::owned));
    }

    private void reward(ServerRequest req, ServerResponse res) {
        requireServiceToken(req);
        RewardOutcome outcome;
        try {
            // The wire format's messages name fields, never values, so they are safe to answer with.
            RewardClaim claim = RewardRequestJson.read(new String(bodies.read(req), StandardCharsets.UTF_8))
                    .toClaim();
            outcome = rewards.grant(claim);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(ProblemCode.INVALID_REQUEST, e.getMessage());
        }
        if (outcome instanceof RewardOutcome.Unavailable unavailable) {
            throw CharacterRoutes.unavailable(unavailable.reason());
        }
        res.header(HeaderNames.CONTENT_TYPE, Responses.JSON_TYPE);
        res.send(RewardJson.write(outcome).getBytes(StandardCharsets.UTF_8));
    }

    private void owned(ServerRequest req, ServerResponse res) {
        requireServiceToken(req);
        String user = req.path().pathParameters().get("user_id");
        try {
            CharacterRoutes.sendOwned(
                    characters, new UserId(UUID.fromString(user).toString()), res);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(ProblemCode.INVALID_REQUEST, "user_id must be a UUID");
        }
    }

    /** The comparison takes the same time whatever the token, so it leaks nothing. */
    private void requireServiceToken(ServerRequest req) {
        if (serviceToken.isEmpty()) {
            throw new ProblemException(ProblemCode.NOT_FOUND, "the internal character routes are not enabled");
        }
        String header = req.headers().first(HeaderNames.AUTHORIZATION).orElse("");
        byte[] given = header.startsWith("Bearer ")
                ? header.substring(7).strip().getBytes(StandardCharsets.UTF_8)
                : new byte[0];
        byte[] expected = serviceToken.get().getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(given, expected)) {
            throw new ProblemException(ProblemCode.UNAUTHENTICATED, "a valid service bearer token is required");
        }
    }
}
