package dev.outpost.profiles.sync;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;

/** Exports a fetched commit into a scratch directory, asks the validator about it, and cleans up. */
final class CandidateCheck {
    private final TreeValidator validator;

    CandidateCheck(TreeValidator validator) {
        this.validator = validator;
    }

    List<String> problems(Repository repo, RevCommit candidate) throws IOException {
        Path scratchParent = Files.createDirectories(LocalClone.stateDir(repo));
        Path scratch = Files.createTempDirectory(scratchParent, "candidate-" + candidate.abbreviate(7).name() + "-");
        try {
            TreeExporter.export(repo, candidate.getTree(), scratch);
            try {
                return List.copyOf(validator.problems(scratch));
            } catch (IOException | RuntimeException e) {
                // A validator that breaks must not let an unchecked version through.
                return List.of("The version could not be validated: " + e.getMessage());
            }
        } finally {
            deleteTree(scratch);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
