package dev.outpost.profiles.sync;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;

/**
 * Upstream's version of a conflicting profile, written beside the local one as
 * {@code name.yaml.upstream} so the user can compare them in any editor.
 */
final class ConflictCopies {
    static final String SUFFIX = ".upstream";

    private final UserFiles files;

    ConflictCopies(UserFiles files) {
        this.files = files;
    }

    Path copyOf(String path) {
        Path local = files.onDisk(path);
        return local.resolveSibling(local.getFileName() + SUFFIX);
    }

    /** Writes upstream's version beside the local file, or removes a stale copy when upstream has none. */
    void write(Repository repo, String path, ObjectId upstream) throws IOException {
        Path copy = copyOf(path);
        if (upstream == null) {
            Files.deleteIfExists(copy);
            return;
        }
        Files.createDirectories(copy.getParent());
        Files.write(copy, repo.open(upstream).getBytes());
    }

    void remove(String path) throws IOException {
        Files.deleteIfExists(copyOf(path));
    }

    ConflictedFile describe(Repository repo, String path, ObjectId upstream) throws IOException {
        Path local = files.onDisk(path);
        Optional<String> mine = Files.isRegularFile(local)
                ? Optional.of(new String(Files.readAllBytes(local), StandardCharsets.UTF_8))
                : Optional.empty();
        Optional<String> theirs = upstream == null
                ? Optional.empty()
                : Optional.of(new String(repo.open(upstream).getBytes(), StandardCharsets.UTF_8));
        Optional<Path> copy = upstream == null ? Optional.empty() : Optional.of(copyOf(path));
        return new ConflictedFile(path, mine, theirs, copy);
    }
}
