package dev.outpost.stack.cost.store;

import java.nio.file.Path;

/** The usage database could not be opened, read or written; names the file so the user can look at it. */
public final class UsageStoreException extends RuntimeException {
    public UsageStoreException(String what, Path file, Throwable cause) {
        super(what + " (" + file + "): " + cause.getMessage(), cause);
    }
}
