package dev.outpost.profiles.sync;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevTree;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * Writes a commit's files into a directory straight from the object database, so a candidate can be
 * examined without checking it out. Symbolic links and submodules are skipped: the platform
 * repository holds plain YAML, and a link could point outside the copy.
 */
final class TreeExporter {
    private TreeExporter() {
    }

    static void export(Repository repo, RevTree tree, Path target) throws IOException {
        Path root = target.toAbsolutePath().normalize();
        try (TreeWalk walk = new TreeWalk(repo)) {
            walk.addTree(tree);
            walk.setRecursive(true);
            while (walk.next()) {
                FileMode mode = walk.getFileMode(0);
                if (mode != FileMode.REGULAR_FILE && mode != FileMode.EXECUTABLE_FILE) {
                    continue;
                }
                Path file = root.resolve(walk.getPathString()).normalize();
                if (!file.startsWith(root)) {
                    throw new IOException("The commit holds a path outside the repository: " + walk.getPathString());
                }
                Files.createDirectories(file.getParent());
                Files.write(file, repo.open(walk.getObjectId(0)).getBytes());
            }
        }
    }
}
