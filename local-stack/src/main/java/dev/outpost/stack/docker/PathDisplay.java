package dev.outpost.stack.docker;

import java.nio.file.Path;

/** Shows paths under the home directory as {@code ~/...}: shorter, and it keeps user names out of reports. */
final class PathDisplay {
    private final Path home;

    PathDisplay(Path home) {
        this.home = home.toAbsolutePath().normalize();
    }

    String show(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        if (abs.startsWith(home) && !abs.equals(home)) {
            return "~/" + home.relativize(abs).toString().replace('\\', '/');
        }
        return p.toString();
    }
}
