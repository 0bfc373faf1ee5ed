package dev.ecoscan.application.characters;

import dev.ecoscan.application.port.ListCharacters;
import dev.ecoscan.domain.port.CharacterCollection;
import dev.ecoscan.domain.reward.OwnedCharacter;
import dev.ecoscan.domain.scan.UserId;
import java.util.List;
import java.util.Objects;

/** Lists a user's characters from the collection the rewards adapter keeps. */
public final class ListCharactersService implements ListCharacters {

    private final CharacterCollection collection;

    /**
     * A service over this collection.
     *
     * @param collection where the characters are kept
     */
    public ListCharactersService(CharacterCollection collection) {
        this.collection = Objects.requireNonNull(collection, "collection");
    }

    @Override
    public List<OwnedCharacter> ownedBy(UserId user) {
        return collection.ownedBy(Objects.requireNonNull(user, "user"));
    }
}
