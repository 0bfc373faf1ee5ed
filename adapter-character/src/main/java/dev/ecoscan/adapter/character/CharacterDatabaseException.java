package dev.ecoscan.adapter.character;

/**
 * The character database could not be opened: its data directory is in use, the server cannot be
 * reached, or the migrations failed. The message names the database (never the password) and what to do.
 */
public final class CharacterDatabaseException extends RuntimeException {

    public CharacterDatabaseException(String message, Throwable cause) {
        super(message, cause);
    }
}
