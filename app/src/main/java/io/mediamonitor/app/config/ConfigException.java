package io.mediamonitor.app.config;

/** A configuration value is missing or malformed; the message names the key and what was expected. */
public class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }
}
