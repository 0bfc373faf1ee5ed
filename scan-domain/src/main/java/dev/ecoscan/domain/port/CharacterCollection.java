package dev.ecoscan.domain.port;

import dev.ecoscan.domain.reward.CollectionUnavailableException;
import dev.ecoscan.domain.reward.OwnedCharacter;
import dev.ecoscan.domain.scan.UserId;
import java.util.List;

/** The characters a user owns, oldest first. Where rewards are kept, this is read from the same place. */
public interface CharacterCollection {

    /**
     * The characters one user owns.
     *
     * @param user whose collection to read
     * @return their characters, oldest first; empty for a user with none
     * @throws CollectionUnavailableException when the store cannot be read (database or service down)
     */
    List<OwnedCharacter> ownedBy(UserId user);
}
