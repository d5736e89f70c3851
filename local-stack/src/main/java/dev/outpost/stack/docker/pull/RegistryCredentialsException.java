package dev.outpost.stack.docker.pull;

/**
 * The docker configuration or a credential helper could not say which credentials to use. The message names
 * the file or the helper and what to do; it never holds a secret.
 */
public final class RegistryCredentialsException extends RuntimeException {
    public RegistryCredentialsException(String message) {
        super(message);
    }

    public RegistryCredentialsException(String message, Throwable cause) {
        super(message, cause);
    }
}
