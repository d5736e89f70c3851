package dev.outpost.stack.inference;

import dev.outpost.stack.settings.AppDirectories;
import dev.outpost.stack.settings.JsonSettingsFile;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads and writes inference.json through the same {@link JsonSettingsFile} as settings.json: atomic owner-only writes,
 * and a file that cannot be parsed is moved aside, never overwritten. A file of its own so that the
 * inference parts (placement, gateway) can change without touching the general settings.
 */
public final class InferenceSettingsStore {
    public static final String FILE_NAME = "inference.json";
    // Placement is written lowercase, as in profiles; read in any case, and an unknown value reads as unset.
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            .enable(EnumFeature.WRITE_ENUMS_TO_LOWERCASE)
            .enable(EnumFeature.READ_UNKNOWN_ENUM_VALUES_AS_NULL)
            .build();

    private final JsonSettingsFile<InferenceSettings> file;

    public InferenceSettingsStore(Path file) {
        this(file, Clock.systemUTC());
    }

    InferenceSettingsStore(Path file, Clock clock) {
        this.file = new JsonSettingsFile<>(file, InferenceSettings.class, InferenceSettings::defaults,
                "Inference settings file", JSON, clock);
    }

    public static InferenceSettingsStore in(AppDirectories dirs) {
        return new InferenceSettingsStore(dirs.config().resolve(FILE_NAME));
    }

    public Path file() {
        return file.file();
    }

    /** What was loaded, and, when the file was unreadable, why and where the bad copy was kept. */
    public record LoadResult(InferenceSettings settings, Optional<String> problem, Optional<Path> setAside) {
    }

    public LoadResult load() throws IOException {
        JsonSettingsFile.Loaded<InferenceSettings> l = file.load();
        return new LoadResult(l.settings(), l.problem(), l.setAside());
    }

    public void save(InferenceSettings settings) throws IOException {
        file.save(settings);
    }
}
