package dev.outpost.profiles.yaml;

/** Where something is in a source file; line and column count from 1, as editors show them. */
public record Location(String file, int line, int column) {
    public static Location file(String file) {
        return new Location(file, 0, 0);
    }

    @Override
    public String toString() {
        return line <= 0 ? file : file + ":" + line + ":" + column;
    }
}
