package dev.ecoscan.adapter.http;

import dev.ecoscan.domain.port.CharacterCollection;
import dev.ecoscan.domain.scan.UserId;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerResponse;
import java.util.List;

/** The characters a signed-in user owns, {@code GET /api/v1/users/me/characters}. */
final class CharacterRoutes extends ApiFeature {

    static final Route MINE = Route.get("/api/v1/users/me/characters");

    private final Authenticator authenticator;
    private final CharacterService characters;

    CharacterRoutes(RouteGuard guard, Authenticator authenticator, CharacterService characters) {
        super(guard);
        this.authenticator = authenticator;
        this.characters = characters;
    }

    @Override
    List<Endpoint> endpoints() {
        return List.of(Endpoint.of(MINE, (req, res) -> sendOwned(characters, authenticator.authenticate(req), res)));
    }

    /** The user's characters as a JSON list; the internal routes answer the same for any user. */
    static void sendOwned(CharacterService characters, UserId user, ServerResponse res) {
        byte[] list;
        try {
            list = characters.owned(user);
        } catch (CharacterCollection.CollectionUnavailableException e) {
            throw unavailable(e);
        }
        res.header(HeaderNames.CONTENT_TYPE, Responses.JSON_TYPE);
        res.header(HeaderNames.CACHE_CONTROL, "no-store");
        res.send(list);
    }

    /** The store's own words (a database's, a remote service's) go to the log, never to the client. */
    static ProblemException unavailable(CharacterCollection.CollectionUnavailableException e) {
        System.getLogger("eco-scan.rewards")
                .log(System.Logger.Level.WARNING, "characters could not be read or granted: " + e.getMessage());
        return new ProblemException(
                Problem.of(ProblemCode.REWARDS_UNAVAILABLE, "the character store is unavailable; try again shortly")
                        .retryAfter(5));
    }
}
