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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads and writes settings.json. Writes are atomic. A file that cannot be parsed is moved aside
 * (never overwritten) and the problem is reported, so a hand edit gone wrong is not lost.
 */
public final class SettingsStore {
    private static final Logger LOG = LoggerFactory.getLogger(SettingsStore.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final Path file;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    public SettingsStore(Path file) {
        this(file, Clock.systemUTC());
    }

    SettingsStore(Path file, Clock clock) {
        this.file = file;
        this.clock = clock;
    }

    public Path file() {
        return file;
    }

    /**
     * What was loaded, and, when the file was unreadable, why and where the bad copy was kept.
     */
    public record LoadResult(Settings settings, Optional<String> problem, Optional<Path> setAside) {
    }

    public LoadResult load() throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return new LoadResult(Settings.defaults(), Optional.empty(), Optional.empty());
        }
        try {
            Settings s = json.readValue(bytes, Settings.class);
            if (s == null) {
                throw new IllegalArgumentException("the file is empty");
            }
            return new LoadResult(s, Optional.empty(), Optional.empty());
        } catch (JacksonException | IllegalArgumentException e) {
            Path aside = file.resolveSibling(file.getFileName() + ".corrupt-" + STAMP.format(clock.instant()));
            Files.move(file, aside);
            String problem = "Settings file " + file + " could not be read (" + firstLine(e.getMessage())
                    + "). It was kept as " + aside.getFileName() + " and defaults are in use.";
            LOG.warn(problem);
            return new LoadResult(Settings.defaults(), Optional.of(problem), Optional.of(aside));
        }
    }

    public void save(Settings settings) throws IOException {
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
