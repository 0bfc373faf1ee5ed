package dev.ecoscan.domain.reward;

/**
 * The store of characters cannot be read right now (database or character service down). Its message
 * is the store's own words, for the log; callers answer people with their own.
 */
public final class CollectionUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * The store failed with this message.
     *
     * @param message the store's own words, for the log
     * @param cause   what the store threw
     */
    public CollectionUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
