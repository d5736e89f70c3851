package dev.outpost.profiles.sync;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevTree;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.PathFilter;

/**
 * The user's own directory, {@code profiles/users/<user>/}, as it is on disk and as it is in a
 * version. Hidden files (editor swap files) and {@code *.upstream} conflict copies are not the user's
 * profiles and are never pushed.
 */
final class UserFiles {
    private final Path workTree;
    private final String dir;

    /** @param dir the user directory relative to the work tree, with a trailing slash */
    UserFiles(Path workTree, String dir) {
        this.workTree = workTree;
        this.dir = dir;
    }

    String dir() {
        return dir;
    }

    Path onDisk(String path) {
        return workTree.resolve(path);
    }

    boolean contains(String path) {
        return path.startsWith(dir);
    }

    /** Files under the user directory on disk, by repository path. */
    Map<String, byte[]> readLocal() throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        Path root = workTree.resolve(dir);
        if (!Files.isDirectory(root)) {
            return files;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) && isProfileFile(p.getFileName().toString())) {
                    files.put(repoPath(p), Files.readAllBytes(p));
                }
            }
        }
        return files;
    }

    static boolean isProfileFile(String name) {
        return !name.startsWith(".") && !name.endsWith(ConflictCopies.SUFFIX);
    }

    /** Blob ids of the user directory's files in a tree; empty for a null tree. */
    Map<String, ObjectId> inTree(Repository repo, RevTree tree) throws IOException {
        Map<String, ObjectId> files = new TreeMap<>();
        if (tree == null) {
            return files;
        }
        try (TreeWalk walk = new TreeWalk(repo)) {
            walk.addTree(tree);
            walk.setRecursive(true);
            walk.setFilter(PathFilter.create(dir.substring(0, dir.length() - 1)));
            while (walk.next()) {
                FileMode mode = walk.getFileMode(0);
                if (mode == FileMode.REGULAR_FILE || mode == FileMode.EXECUTABLE_FILE) {
                    files.put(walk.getPathString(), walk.getObjectId(0));
                }
            }
        }
        return files;
    }

    static ObjectId blobId(byte[] content) {
        return content == null ? null : new ObjectInserter.Formatter().idFor(Constants.OBJ_BLOB, content);
    }

    private String repoPath(Path file) {
        return workTree.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
    }
}
