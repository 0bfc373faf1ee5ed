package dev.ecoscan.support.characters;

/** A character service body that does not follow the contract; its message names the field, not the value. */
public final class MalformedBodyException extends IllegalArgumentException {

    /**
     * A body that breaks the contract.
     *
     * @param message names the field at fault, never its value
     */
    public MalformedBodyException(String message) {
        super(message);
    }
}
