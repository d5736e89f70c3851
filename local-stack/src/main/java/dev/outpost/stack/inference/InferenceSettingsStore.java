package dev.outpost.stack.inference;

import dev.outpost.profiles.files.PrivateFiles;
import dev.outpost.stack.settings.AppDirectories;
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
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads and writes inference.json the way {@code SettingsStore} does settings.json: atomic owner-only writes,
 * and a file that cannot be parsed is moved aside, never overwritten. A file of its own so that the
 * inference parts (placement, gateway) can change without touching the general settings.
 */
public final class InferenceSettingsStore {
    public static final String FILE_NAME = "inference.json";
    private static final Logger LOG = LoggerFactory.getLogger(InferenceSettingsStore.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final Path file;
    private final Clock clock;
    // Placement is written lowercase, as in profiles; read in any case, and an unknown value reads as unset.
    private final JsonMapper json = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            .enable(EnumFeature.WRITE_ENUMS_TO_LOWERCASE)
            .enable(EnumFeature.READ_UNKNOWN_ENUM_VALUES_AS_NULL)
            .build();

    public InferenceSettingsStore(Path file) {
        this(file, Clock.systemUTC());
    }

    InferenceSettingsStore(Path file, Clock clock) {
        this.file = file;
        this.clock = clock;
    }

    public static InferenceSettingsStore in(AppDirectories dirs) {
        return new InferenceSettingsStore(dirs.config().resolve(FILE_NAME));
    }

    public Path file() {
        return file;
    }

    /** What was loaded, and, when the file was unreadable, why and where the bad copy was kept. */
    public record LoadResult(InferenceSettings settings, Optional<String> problem, Optional<Path> setAside) {
    }

    public LoadResult load() throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return new LoadResult(InferenceSettings.defaults(), Optional.empty(), Optional.empty());
        }
        try {
            InferenceSettings s = json.readValue(bytes, InferenceSettings.class);
            if (s == null) {
                throw new IllegalArgumentException("the file is empty");
            }
            return new LoadResult(s, Optional.empty(), Optional.empty());
        } catch (JacksonException | IllegalArgumentException e) {
            Path aside = file.resolveSibling(file.getFileName() + ".corrupt-" + STAMP.format(clock.instant()));
            Files.move(file, aside);
            String problem = "Inference settings file " + file + " could not be read (" + firstLine(e.getMessage())
                    + "). It was kept as " + aside.getFileName() + " and defaults are in use.";
            LOG.warn(problem);
            return new LoadResult(InferenceSettings.defaults(), Optional.of(problem), Optional.of(aside));
        }
    }

    public void save(InferenceSettings settings) throws IOException {
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
