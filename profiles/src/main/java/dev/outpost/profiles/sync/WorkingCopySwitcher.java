package dev.outpost.profiles.sync;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevTree;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * Moves the working copy to a validated commit without a checkout that could overwrite the user's
 * edits. Everything outside the user's directory is made equal to the commit. Inside it, each file is
 * decided on its own ({@link UserFileMerge}): upstream's version is written only where the local file
 * is unedited; an edit is never overwritten, and where upstream changed the same file the edit stays
 * and upstream's version is written beside it.
 *
 * <p>Files are written before the branch moves, so an interruption leaves a state the next sync
 * repairs: nothing here needs the old working copy back.
 */
final class WorkingCopySwitcher {
    private final LocalClone clone;
    private final UserFiles userFiles;
    private final ConflictCopies copies;

    WorkingCopySwitcher(LocalClone clone, UserFiles userFiles, ConflictCopies copies) {
        this.clone = clone;
        this.userFiles = userFiles;
        this.copies = copies;
    }

    /** @return the user's files now in conflict */
    List<ConflictedFile> switchTo(Repository repo, RevCommit target, LocalEdits edits) throws IOException {
        RevTree headTree = headTree(repo);
        List<ConflictedFile> conflicts = mergeUserFiles(repo, headTree, target.getTree(), edits);
        syncSharedFiles(repo, headTree, target.getTree());
        resetIndex(repo, target.getTree());
        moveBranch(repo, target);
        edits.save();
        return conflicts;
    }

    private List<ConflictedFile> mergeUserFiles(Repository repo, RevTree headTree, RevTree targetTree, LocalEdits edits)
            throws IOException {
        Map<String, ObjectId> head = userFiles.inTree(repo, headTree);
        Map<String, ObjectId> target = userFiles.inTree(repo, targetTree);
        Map<String, byte[]> local = userFiles.readLocal();
        Set<String> paths = new TreeSet<>(head.keySet());
        paths.addAll(target.keySet());
        paths.addAll(local.keySet());
        edits.paths().stream().filter(userFiles::contains).forEach(paths::add);
        List<ConflictedFile> conflicts = new ArrayList<>();
        for (String path : paths) {
            ObjectId upstream = target.get(path);
            var outcome = UserFileMerge.decide(edits.base(path, head.get(path)), UserFiles.blobId(local.get(path)),
                    upstream, edits.inConflict(path));
            switch (outcome) {
                case SAME, KEEP_LOCAL -> {
                    // Once the branch moves, the checked-out version is this file's base again.
                    edits.forget(path);
                    copies.remove(path);
                }
                case TAKE_UPSTREAM -> {
                    writeOrDelete(repo, path, upstream);
                    edits.forget(path);
                }
                case CONFLICT -> {
                    edits.markConflict(path, upstream);
                    copies.write(repo, path, upstream);
                    conflicts.add(copies.describe(repo, path, upstream));
                }
            }
        }
        return conflicts;
    }

    /**
     * Makes every file outside the user's directory match the target: Outpost owns those. Deletions
     * go first, so a file that becomes a directory (or the reverse) is out of the way.
     */
    private void syncSharedFiles(Repository repo, RevTree headTree, RevTree targetTree) throws IOException {
        Map<String, ObjectId> wanted = sharedFiles(repo, targetTree);
        for (String path : sharedFiles(repo, headTree).keySet()) {
            if (!wanted.containsKey(path)) {
                writeOrDelete(repo, path, null);
            }
        }
        for (var entry : wanted.entrySet()) {
            Path file = clone.workTree().resolve(entry.getKey());
            if (!Files.isRegularFile(file) || !entry.getValue().equals(UserFiles.blobId(Files.readAllBytes(file)))) {
                writeOrDelete(repo, entry.getKey(), entry.getValue());
            }
        }
    }

    private Map<String, ObjectId> sharedFiles(Repository repo, RevTree tree) throws IOException {
        Map<String, ObjectId> files = new TreeMap<>();
        if (tree == null) {
            return files;
        }
        try (TreeWalk walk = new TreeWalk(repo)) {
            walk.addTree(tree);
            walk.setRecursive(true);
            while (walk.next()) {
                String path = walk.getPathString();
                FileMode mode = walk.getFileMode(0);
                if (!userFiles.contains(path) && (mode == FileMode.REGULAR_FILE || mode == FileMode.EXECUTABLE_FILE)) {
                    files.put(path, walk.getObjectId(0));
                }
            }
        }
        return files;
    }

    private void writeOrDelete(Repository repo, String path, ObjectId blob) throws IOException {
        Path file = clone.workTree().resolve(path);
        if (blob == null) {
            Files.deleteIfExists(file);
            pruneEmptyParents(file.getParent());
            return;
        }
        if (Files.isDirectory(file)) {
            deleteTree(file);
        }
        Files.createDirectories(file.getParent());
        Files.write(file, repo.open(blob).getBytes());
    }

    private void pruneEmptyParents(Path dir) throws IOException {
        Path root = clone.workTree();
        for (Path d = dir; d != null && d.startsWith(root) && !d.equals(root); d = d.getParent()) {
            try (Stream<Path> entries = Files.list(d)) {
                if (entries.findAny().isPresent()) {
                    return;
                }
            }
            Files.delete(d);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private RevTree headTree(Repository repo) throws IOException {
        Ref branch = repo.exactRef(clone.branchRef());
        if (branch == null || branch.getObjectId() == null) {
            return null;
        }
        try (RevWalk walk = new RevWalk(repo)) {
            return walk.parseCommit(branch.getObjectId()).getTree();
        }
    }

    /** The index mirrors the new version, so `git status` in the clone shows just the user's edits. */
    private static void resetIndex(Repository repo, RevTree tree) throws IOException {
        DirCache index = repo.lockDirCache();
        try (ObjectReader reader = repo.newObjectReader()) {
            DirCacheBuilder builder = index.builder();
            builder.addTree(new byte[0], DirCacheEntry.STAGE_0, reader, tree);
            builder.finish();
            index.write();
            index.commit();
        } finally {
            index.unlock();
        }
    }

    private void moveBranch(Repository repo, RevCommit target) throws IOException {
        Refs.force(repo, clone.branchRef(), target, "switch to validated " + target.abbreviate(7).name());
        Ref head = repo.exactRef(Constants.HEAD);
        if (head == null || !head.isSymbolic() || !head.getTarget().getName().equals(clone.branchRef())) {
            RefUpdate link = repo.updateRef(Constants.HEAD);
            Refs.check(link.link(clone.branchRef()), Constants.HEAD);
        }
    }
}
