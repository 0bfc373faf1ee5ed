package dev.ecoscan.bootstrap.config;

/** A setting is misspelt or has a value it does not accept; start-up stops with this message. */
public final class SettingsException extends RuntimeException {

    public SettingsException(String message) {
        super(message);
    }

    public SettingsException(String message, Throwable cause) {
        super(message, cause);
    }
}
