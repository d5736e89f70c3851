package dev.outpost.profiles.sync;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.jgit.lib.ObjectId;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * What Outpost remembers about the user's local edits, in {@code .git/outpost/local-edits.json}.
 *
 * <p>Normally a local edit's base is the file as it is in the checked-out version. Two events move
 * the base elsewhere, and are recorded here per file: a conflict (upstream changed the file too;
 * the user has not chosen yet), and a choice or a push (the edit now sits on top of a given upstream
 * version). Without the record, the next push would either overwrite upstream's change unseen or
 * report a conflict with the user's own pushed edit.
 */
final class LocalEdits {
    static final String FILE_NAME = "local-edits.json";
    private static final TypeReference<TreeMap<String, Entry>> MAP = new TypeReference<>() {
    };
    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    /**
     * @param upstream the upstream blob this file was last compared with; null when upstream has no such file
     * @param conflict true until the user chooses
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Entry(String upstream, boolean conflict) {
        ObjectId upstreamId() {
            return upstream == null ? null : ObjectId.fromString(upstream);
        }
    }

    private final Path file;
    private final TreeMap<String, Entry> entries;

    private LocalEdits(Path file, TreeMap<String, Entry> entries) {
        this.file = file;
        this.entries = entries;
    }

    static LocalEdits load(Path stateDir) throws IOException {
        Path file = stateDir.resolve(FILE_NAME);
        try {
            TreeMap<String, Entry> read = JSON.readValue(Files.readAllBytes(file), MAP);
            return new LocalEdits(file, read == null ? new TreeMap<>() : read);
        } catch (NoSuchFileException e) {
            return new LocalEdits(file, new TreeMap<>());
        } catch (JacksonException e) {
            throw new IOException(file + " is damaged (" + e.getOriginalMessage() + ")", e);
        }
    }

    void save() throws IOException {
        Files.createDirectories(file.getParent());
        if (entries.isEmpty()) {
            Files.deleteIfExists(file);
            return;
        }
        Path tmp = file.resolveSibling(FILE_NAME + ".tmp");
        Files.write(tmp, JSON.writeValueAsBytes(entries));
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The version the local file is to be compared with: the recorded one, else the checked-out one. */
    ObjectId base(String path, ObjectId checkedOut) {
        Entry e = entries.get(path);
        return e == null ? checkedOut : e.upstreamId();
    }

    boolean inConflict(String path) {
        Entry e = entries.get(path);
        return e != null && e.conflict();
    }

    /** The upstream version a conflicting file was compared with. */
    ObjectId conflictUpstream(String path) {
        Entry e = entries.get(path);
        if (e == null || !e.conflict()) {
            throw new IllegalArgumentException(path + " has no conflict to resolve");
        }
        return e.upstreamId();
    }

    void markConflict(String path, ObjectId upstream) {
        entries.put(path, new Entry(upstream == null ? null : upstream.name(), true));
    }

    /** The local file now counts as an edit on top of this upstream version. */
    void rebaseOnto(String path, ObjectId upstream) {
        entries.put(path, new Entry(upstream == null ? null : upstream.name(), false));
    }

    void forget(String path) {
        entries.remove(path);
    }

    List<String> paths() {
        return List.copyOf(entries.keySet());
    }

    List<String> conflicts() {
        return entries.entrySet().stream().filter(e -> e.getValue().conflict()).map(Map.Entry::getKey).toList();
    }
}
