package dev.yuqing.core.config;

/** Bad configuration; the message names every offending key and the fix. */
public class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }
}
