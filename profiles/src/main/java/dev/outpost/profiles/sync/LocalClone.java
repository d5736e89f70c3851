package dev.outpost.profiles.sync;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * The local clone's layout: a plain Git repository whose working tree is the version in use, with
 * Outpost's own refs under {@code refs/outpost/} and its state under {@code .git/outpost/}.
 */
final class LocalClone {
    static final String REMOTE = "origin";
    static final String LAST_GOOD = "refs/outpost/last-good";
    static final String OUTGOING = "refs/outpost/outgoing";

    private final Path dir;
    private final PlatformConfig config;

    LocalClone(Path dir, PlatformConfig config) {
        this.dir = dir;
        this.config = config;
    }

    Path workTree() {
        return dir;
    }

    String branchRef() {
        return Constants.R_HEADS + config.branch();
    }

    String trackingRef() {
        return Constants.R_REMOTES + REMOTE + "/" + config.branch();
    }

    static Path stateDir(Repository repo) {
        return repo.getDirectory().toPath().resolve("outpost");
    }

    /** The existing clone, if there is one; creates nothing. */
    Optional<Repository> openExisting() throws IOException {
        if (!Files.isDirectory(dir.resolve(Constants.DOT_GIT))) {
            return Optional.empty();
        }
        return Optional.of(new FileRepositoryBuilder().setWorkTree(dir.toFile()).setMustExist(true).build());
    }

    /** Opens the clone, creating an empty one on first use, and points its remote at the configured URL. */
    Repository openOrCreate() throws IOException {
        Repository repo = openExisting().orElse(null);
        if (repo == null) {
            repo = create();
        }
        configure(repo);
        return repo;
    }

    private Repository create() throws IOException {
        if (Files.isDirectory(dir)) {
            // Profiles the user saved before the first sync are welcome; anything else means a wrong directory.
            try (Stream<Path> entries = Files.list(dir)) {
                if (entries.anyMatch(p -> !p.getFileName().toString().equals("profiles"))) {
                    throw new IOException(dir + " already holds files and is not a clone made by Outpost;"
                            + " choose an empty directory");
                }
            }
        }
        Files.createDirectories(dir);
        try {
            return Git.init().setDirectory(dir.toFile()).setInitialBranch(config.branch()).call().getRepository();
        } catch (GitAPIException e) {
            throw new IOException("Could not create a Git repository in " + dir + ": " + e.getMessage(), e);
        }
    }

    private void configure(Repository repo) throws IOException {
        StoredConfig c = repo.getConfig();
        c.setString("remote", REMOTE, "url", config.url());
        c.setString("remote", REMOTE, "fetch", "+" + branchRef() + ":" + trackingRef());
        // Files are written byte for byte from the repository, so Git must not rewrite line endings.
        c.setBoolean("core", null, "autocrlf", false);
        c.save();
        Path exclude = repo.getDirectory().toPath().resolve("info").resolve("exclude");
        String line = "*" + ConflictCopies.SUFFIX;
        String current = Files.exists(exclude) ? Files.readString(exclude, StandardCharsets.UTF_8) : "";
        if (!current.lines().anyMatch(line::equals)) {
            Files.createDirectories(exclude.getParent());
            String sep = current.isEmpty() || current.endsWith("\n") ? "" : "\n";
            Files.writeString(exclude, current + sep + "# Upstream versions of conflicting profiles, written by Outpost\n"
                    + line + "\n", StandardCharsets.UTF_8);
        }
    }
}
