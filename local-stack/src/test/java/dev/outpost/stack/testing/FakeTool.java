package dev.outpost.stack.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a small POSIX shell script that stands in for a real tool. It accepts exactly one argument
 * list; anything else makes it print a complaint and exit 2, so a test whose code under test builds
 * the wrong command fails instead of passing on canned output.
 */
public final class FakeTool {
    private final String name;
    private List<String> expectedArgs = List.of();
    private final List<String> stdout = new ArrayList<>();
    private final List<String> stderr = new ArrayList<>();
    private int exitCode;
    private String unexpectedArgsMessage;
    private String rawBody;

    private FakeTool(String name) {
        this.name = name;
        this.unexpectedArgsMessage = "fake " + name + ": unexpected arguments";
    }

    public static FakeTool named(String name) {
        return new FakeTool(name);
    }

    public FakeTool expectArgs(String... args) {
        expectedArgs = List.of(args);
        return this;
    }

    public FakeTool expectArgs(List<String> args) {
        expectedArgs = List.copyOf(args);
        return this;
    }

    /** Lines printed on stdout (may contain any characters; no shell expansion happens). */
    public FakeTool stdout(String... lines) {
        stdout.addAll(List.of(lines));
        return this;
    }

    /** Text printed on stdout, split into lines. */
    public FakeTool stdoutText(String text) {
        stdout.addAll(text.lines().toList());
        return this;
    }

    public FakeTool stderr(String... lines) {
        stderr.addAll(List.of(lines));
        return this;
    }

    public FakeTool exitCode(int code) {
        exitCode = code;
        return this;
    }

    /** What the fake prints (on stderr, before the arguments it got) when called with other arguments. */
    public FakeTool onUnexpectedArgs(String message) {
        unexpectedArgsMessage = message;
        return this;
    }

    /** Shell code run instead of printing, after the argument check (e.g. {@code exec sleep 30}). */
    public FakeTool body(String shell) {
        rawBody = shell;
        return this;
    }

    /** Writes the script as {@code dir/<name>}, executable, and returns its path. */
    public Path writeTo(Path dir) throws IOException {
        StringBuilder s = new StringBuilder("#!/bin/sh\n");
        s.append("if [ \"$#\" -ne ").append(expectedArgs.size()).append(" ]");
        for (int i = 0; i < expectedArgs.size(); i++) {
            s.append(" || [ \"$").append(i + 1 > 9 ? "{" + (i + 1) + "}" : String.valueOf(i + 1))
                    .append("\" != ").append(quote(expectedArgs.get(i))).append(" ]");
        }
        s.append("; then\n")
                .append("  printf '%s\\n' ").append(quote(unexpectedArgsMessage)).append(" >&2\n")
                .append("  printf 'got: %s\\n' \"$*\" >&2\n")
                .append("  exit 2\n")
                .append("fi\n");
        if (rawBody != null) {
            s.append(rawBody).append('\n');
        }
        if (!stdout.isEmpty()) {
            s.append("printf '%s\\n'");
            stdout.forEach(l -> s.append(' ').append(quote(l)));
            s.append('\n');
        }
        if (!stderr.isEmpty()) {
            s.append("printf '%s\\n'");
            stderr.forEach(l -> s.append(' ').append(quote(l)));
            s.append(" >&2\n");
        }
        s.append("exit ").append(exitCode).append('\n');
        Path file = dir.resolve(name);
        Files.writeString(file, s.toString());
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }

    private static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
