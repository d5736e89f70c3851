package dev.outpost.profiles.sync;

import java.nio.file.Path;
import java.util.Optional;

/**
 * One of the user's profiles changed both here and upstream. The local edit stays in place on disk
 * until the user picks with {@link PlatformRepository#resolve}.
 *
 * @param path         relative to the repository root, such as {@code profiles/users/ann/ml.yaml}
 * @param mine         the local content; empty when the file was deleted here
 * @param theirs       the upstream content; empty when it was deleted upstream
 * @param upstreamCopy where the upstream content was written beside the local file
 *                     ({@code ml.yaml.upstream}); empty when upstream deleted it
 */
public record ConflictedFile(String path, Optional<String> mine, Optional<String> theirs, Optional<Path> upstreamCopy) {
}
