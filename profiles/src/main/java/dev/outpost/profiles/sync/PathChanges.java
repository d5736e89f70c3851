package dev.outpost.profiles.sync;

import java.util.List;

/** Files added, removed and changed between two versions; paths are relative to the repository root, sorted. */
public record PathChanges(List<String> added, List<String> removed, List<String> changed) {
    public static final PathChanges NONE = new PathChanges(List.of(), List.of(), List.of());

    public PathChanges {
        added = List.copyOf(added);
        removed = List.copyOf(removed);
        changed = List.copyOf(changed);
    }

    public boolean isEmpty() {
        return added.isEmpty() && removed.isEmpty() && changed.isEmpty();
    }
}
