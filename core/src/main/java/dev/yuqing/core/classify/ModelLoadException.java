package dev.yuqing.core.classify;

/** A model resource is missing, truncated, corrupt or of an unknown format. */
public final class ModelLoadException extends RuntimeException {
    public ModelLoadException(String message) {
        super(message);
    }

    public ModelLoadException(String message, Throwable cause) {
        super(message, cause);
    }
}
