package dev.ecoscan.support.characters;

import dev.ecoscan.domain.scan.UserId;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/** The character service's routes, shared by the remote adapter and eco-scan's own character service. */
public final class CharacterServiceRoutes {

    /** {@code POST}: a reward request in, a reward out. */
    public static final String REWARDS = "/api/v1/internal/characters/rewards";

    /** {@code GET} with a user id appended: the characters the user owns, oldest first. */
    public static final String USERS = "/api/v1/internal/characters/users/";

    private static final String HEX = "0123456789ABCDEF";

    private CharacterServiceRoutes() {}

    /**
     * The path of a user's collection. The id is percent-encoded as one path segment (everything but
     * letters, digits, '-', '_' and '~', dots included), so no user id can add segments or climb up with "..".
     *
     * @param user the collection's owner
     * @return the path under {@link #USERS}
     */
    public static String collectionOf(UserId user) {
        Objects.requireNonNull(user, "user");
        StringBuilder path = new StringBuilder(USERS);
        for (byte b : user.value().getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c < 0x80 && (Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '~')) {
                path.append(c);
            } else {
                path.append('%').append(HEX.charAt((b >> 4) & 0xf)).append(HEX.charAt(b & 0xf));
            }
        }
        return path.toString();
    }
}
