package dev.outpost.profiles.sync;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.treewalk.EmptyTreeIterator;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.TreeFilter;

/** Compares two versions' trees and sorts the differences into profiles, catalog and platform.yaml. */
final class ChangeSummarizer {
    static final String PLATFORM_FILE = "platform.yaml";

    private ChangeSummarizer() {
    }

    /** @param from the previous version, or null on the first sync */
    static ChangeSummary summarize(Repository repo, RevCommit from, RevCommit to) throws IOException {
        Bucket profiles = new Bucket();
        Bucket catalog = new Bucket();
        Bucket other = new Bucket();
        boolean platform = false;
        try (TreeWalk walk = new TreeWalk(repo)) {
            if (from == null) {
                walk.addTree(new EmptyTreeIterator());
            } else {
                walk.addTree(from.getTree());
            }
            walk.addTree(to.getTree());
            walk.setRecursive(true);
            walk.setFilter(TreeFilter.ANY_DIFF);
            while (walk.next()) {
                String path = walk.getPathString();
                boolean before = walk.getFileMode(0) != FileMode.MISSING;
                boolean after = walk.getFileMode(1) != FileMode.MISSING;
                if (path.equals(PLATFORM_FILE)) {
                    platform = true;
                } else if (path.startsWith("profiles/")) {
                    profiles.add(path, before, after);
                } else if (path.startsWith("catalog/")) {
                    catalog.add(path, before, after);
                } else {
                    other.add(path, before, after);
                }
            }
        }
        return new ChangeSummary(Optional.ofNullable(from).map(RevCommit::name), to.name(), profiles.changes(),
                catalog.changes(), platform, other.changes());
    }

    private static final class Bucket {
        private final List<String> added = new ArrayList<>();
        private final List<String> removed = new ArrayList<>();
        private final List<String> changed = new ArrayList<>();

        void add(String path, boolean before, boolean after) {
            (before ? (after ? changed : removed) : added).add(path);
        }

        PathChanges changes() {
            return new PathChanges(added, removed, changed);
        }
    }
}
