package dev.outpost.desktop.cli;

import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;

/** One line for a failed command: the message people need, not the exception's class name. */
final class Errors {
    private Errors() {
    }

    static String describe(Throwable e) {
        return switch (e) {
            case NoSuchFileException n -> n.getFile() + ": " + (n.getReason() == null ? "no such file" : n.getReason());
            case FileAlreadyExistsException f -> f.getFile() + ": " + (f.getReason() == null ? "already exists" : f.getReason());
            default -> e.getMessage() == null ? e.toString() : e.getMessage();
        };
    }
}
