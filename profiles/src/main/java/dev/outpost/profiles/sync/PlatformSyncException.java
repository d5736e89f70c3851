package dev.outpost.profiles.sync;

import java.util.Optional;

/**
 * A sync or push could not be done. The message is meant for the user and never holds a token;
 * each subtype gets its own handling in the UI and CLI. Whatever the failure, the last good version
 * stays checked out and usable.
 */
public abstract class PlatformSyncException extends RuntimeException {
    private final transient LastGood lastGood;

    protected PlatformSyncException(String message, LastGood lastGood, Throwable cause) {
        super(message, cause);
        this.lastGood = lastGood;
    }

    /** The version still in use; empty when there has never been a successful sync. */
    public Optional<LastGood> lastGood() {
        return Optional.ofNullable(lastGood);
    }
}
