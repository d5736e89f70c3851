package dev.outpost.profiles.sync;

/** The server turned the token (or SSH key) down, or asked for a token when none is stored. */
public class CredentialsRefusedException extends PlatformSyncException {
    public CredentialsRefusedException(String message, LastGood lastGood, Throwable cause) {
        super(message, lastGood, cause);
    }
}
