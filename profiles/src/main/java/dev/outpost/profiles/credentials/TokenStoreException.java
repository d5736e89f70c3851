package dev.outpost.profiles.credentials;

/** A token store could not be read or written. The message names the store, never a token. */
public class TokenStoreException extends RuntimeException {
    public TokenStoreException(String message) {
        super(message);
    }

    public TokenStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
