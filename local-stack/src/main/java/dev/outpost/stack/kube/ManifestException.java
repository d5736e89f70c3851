package dev.outpost.stack.kube;

import java.nio.file.Path;

/** A profile's extra manifest cannot be used; the message names the file and, where known, the document. */
public final class ManifestException extends RuntimeException {
    private final Path file;

    public ManifestException(Path file, String message, Throwable cause) {
        super(file + ": " + message, cause);
        this.file = file;
    }

    public Path file() {
        return file;
    }
}
