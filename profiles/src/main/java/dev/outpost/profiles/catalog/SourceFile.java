package dev.outpost.profiles.catalog;

/** A file of a platform repository: its path relative to the repository root, with '/' separators. */
public record SourceFile(String path, byte[] content) {
}
