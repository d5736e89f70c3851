package dev.outpost.profiles.sync;

import dev.outpost.profiles.files.PrivateFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads and writes {@value #FILE_NAME} in Outpost's config directory. Writes are atomic and the file
 * is owner-only (0600), as it names the server the user's token is for.
 */
public final class PlatformConfigStore {
    public static final String FILE_NAME = "platform.json";

    private final Path file;
    private final JsonMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    public PlatformConfigStore(Path configDir) {
        this.file = configDir.resolve(FILE_NAME);
    }

    public Path file() {
        return file;
    }

    /** Empty when no platform is configured: Outpost then works from its built-in catalog. */
    public Optional<PlatformConfig> load() {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + file + ": " + e.getMessage(), e);
        }
        try {
            return Optional.ofNullable(json.readValue(bytes, PlatformConfig.class));
        } catch (JacksonException e) {
            var at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new InvalidPlatformConfigException(List.of(file + " is not valid JSON" + where
                    + "; fix it or configure the platform again."));
        }
    }

    /** Validates, then replaces the file. */
    public void save(PlatformConfig config) {
        config.validate();
        try {
            PrivateFiles.createDirectories(file.toAbsolutePath().getParent());
            PrivateFiles.writeAtomically(file, json.writeValueAsBytes(config));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + file + ": " + e.getMessage(), e);
        }
    }

    public void delete() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete " + file + ": " + e.getMessage(), e);
        }
    }
}
