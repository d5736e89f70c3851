package dev.outpost.profiles.sync;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;

/**
 * Applies the user's choice on a conflicting profile. Either way the file then counts as sitting on
 * top of the upstream version it conflicted with, so the next push neither reports it again nor
 * overwrites a newer upstream change unseen.
 */
final class ConflictResolver {
    private final UserFiles userFiles;
    private final ConflictCopies copies;

    ConflictResolver(UserFiles userFiles, ConflictCopies copies) {
        this.userFiles = userFiles;
        this.copies = copies;
    }

    void resolve(Repository repo, LocalEdits edits, String path, Choice choice) throws IOException {
        ObjectId upstream = edits.conflictUpstream(path);
        if (choice == Choice.THEIRS) {
            Path file = userFiles.onDisk(path);
            if (upstream == null) {
                Files.deleteIfExists(file);
            } else {
                Files.createDirectories(file.getParent());
                Files.write(file, repo.open(upstream).getBytes());
            }
        }
        copies.remove(path);
        edits.rebaseOnto(path, upstream);
        edits.save();
    }
}
