package dev.outpost.stack.settings;

import dev.outpost.profiles.files.PrivateFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * One JSON settings file: writes are atomic and owner-only; a file that cannot be parsed is moved aside
 * (never overwritten) and the problem reported, so a hand edit gone wrong is not lost.
 *
 * @param <T> the settings record
 */
public final class JsonSettingsFile<T> {
    private static final Logger LOG = LoggerFactory.getLogger(JsonSettingsFile.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    /** What was loaded, and, when the file was unreadable, why and where the bad copy was kept. */
    public record Loaded<T>(T settings, Optional<String> problem, Optional<Path> setAside) {
    }

    private final Path file;
    private final Class<T> type;
    private final Supplier<T> defaults;
    private final String label;
    private final JsonMapper json;
    private final Clock clock;

    /** @param label how messages name the file, e.g. "Settings file" */
    public JsonSettingsFile(Path file, Class<T> type, Supplier<T> defaults, String label, JsonMapper json, Clock clock) {
        this.file = file;
        this.type = type;
        this.defaults = defaults;
        this.label = label;
        this.json = json;
        this.clock = clock;
    }

    public Path file() {
        return file;
    }

    public Loaded<T> load() throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return new Loaded<>(defaults.get(), Optional.empty(), Optional.empty());
        }
        try {
            T s = json.readValue(bytes, type);
            if (s == null) {
                throw new IllegalArgumentException("the file is empty");
            }
            return new Loaded<>(s, Optional.empty(), Optional.empty());
        } catch (JacksonException | IllegalArgumentException e) {
            Path aside = file.resolveSibling(file.getFileName() + ".corrupt-" + STAMP.format(clock.instant()));
            Files.move(file, aside);
            String problem = label + " " + file + " could not be read (" + firstLine(e.getMessage())
                    + "). It was kept as " + aside.getFileName() + " and defaults are in use.";
            LOG.warn(problem);
            return new Loaded<>(defaults.get(), Optional.of(problem), Optional.of(aside));
        }
    }

    public void save(T settings) throws IOException {
        PrivateFiles.createDirectories(file.toAbsolutePath().getParent());
        PrivateFiles.writeAtomically(file, json.writeValueAsBytes(settings));
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unreadable";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
