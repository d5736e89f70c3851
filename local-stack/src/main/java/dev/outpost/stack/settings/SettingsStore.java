package dev.outpost.stack.settings;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads and writes settings.json. Writes are atomic. A file that cannot be parsed is moved aside
 * (never overwritten) and the problem is reported, so a hand edit gone wrong is not lost.
 */
public final class SettingsStore {
    private final JsonSettingsFile<Settings> file;

    public SettingsStore(Path file) {
        this(file, Clock.systemUTC());
    }

    SettingsStore(Path file, Clock clock) {
        this.file = new JsonSettingsFile<>(file, Settings.class, Settings::defaults, "Settings file",
                JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT)
                        .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES).build(), clock);
    }

    public Path file() {
        return file.file();
    }

    /**
     * What was loaded, and, when the file was unreadable, why and where the bad copy was kept.
     */
    public record LoadResult(Settings settings, Optional<String> problem, Optional<Path> setAside) {
    }

    public LoadResult load() throws IOException {
        JsonSettingsFile.Loaded<Settings> l = file.load();
        return new LoadResult(l.settings(), l.problem(), l.setAside());
    }

    public void save(Settings settings) throws IOException {
        file.save(settings);
    }
}
