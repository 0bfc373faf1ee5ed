package dev.ecoscan.application.port;

import dev.ecoscan.domain.reward.CollectionUnavailableException;
import dev.ecoscan.domain.reward.OwnedCharacter;
import dev.ecoscan.domain.scan.UserId;
import java.util.List;

/** The characters a user has collected: the "my characters" routes. */
public interface ListCharacters {

    /**
     * Oldest first.
     *
     * @throws CollectionUnavailableException when the collection cannot be read
     * @param user whose collection to read
     * @return their characters, oldest first
     */
    List<OwnedCharacter> ownedBy(UserId user);
}
