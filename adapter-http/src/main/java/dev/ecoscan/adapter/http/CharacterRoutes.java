package dev.ecoscan.adapter.http;

import dev.ecoscan.application.port.ListCharacters;
import dev.ecoscan.domain.reward.CollectionUnavailableException;
import dev.ecoscan.domain.scan.UserId;
import dev.ecoscan.support.characters.CollectionJson;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.slf4j.LoggerFactory;

/** The characters a signed-in user owns, {@code GET /api/v1/users/me/characters}. */
final class CharacterRoutes extends ApiFeature {

    static final Route MINE = Route.get("/api/v1/users/me/characters");

    private final Authenticator authenticator;
    private final ListCharacters characters;

    CharacterRoutes(RouteGuard guard, Authenticator authenticator, ListCharacters characters) {
        super(guard);
        this.authenticator = authenticator;
        this.characters = characters;
    }

    @Override
    List<Endpoint> endpoints() {
        return List.of(Endpoint.of(MINE, (req, res) -> sendOwned(characters, authenticator.authenticate(req), res)));
    }

    /**
     * The user's characters as a JSON list, in the character service's wire format (the internal
     * routes answer the same for any user, so a remote eco-scan reads it back).
     */
    static void sendOwned(ListCharacters characters, UserId user, ServerResponse res) {
        String list;
        try {
            list = CollectionJson.write(characters.ownedBy(user));
        } catch (CollectionUnavailableException e) {
            throw unavailable(e.getMessage());
        }
        res.header(HeaderNames.CONTENT_TYPE, Responses.JSON_TYPE);
        res.header(HeaderNames.CACHE_CONTROL, "no-store");
        res.send(list.getBytes(StandardCharsets.UTF_8));
    }

    /** The store's own words (a database's, a remote service's) go to the log, never to the client. */
    static ProblemException unavailable(String why) {
        LoggerFactory.getLogger("eco-scan.rewards").warn("characters could not be read or granted: {}", why);
        return new ProblemException(
                Problem.of(ProblemCode.REWARDS_UNAVAILABLE, "the character store is unavailable; try again shortly")
                        .retryAfter(5));
    }
}
