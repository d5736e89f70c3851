package dev.outpost.stack.catalog;

import dev.outpost.profiles.catalog.BuiltInCatalog;
import dev.outpost.profiles.catalog.Catalog;
import dev.outpost.profiles.catalog.CatalogLoader;
import dev.outpost.profiles.catalog.Layer;
import dev.outpost.profiles.catalog.LoadResult;
import dev.outpost.profiles.catalog.ProfileOrigin;
import dev.outpost.profiles.catalog.SourceTree;
import dev.outpost.profiles.model.Profile;
import dev.outpost.profiles.resolve.Plan;
import dev.outpost.profiles.resolve.ResolveOptions;
import dev.outpost.profiles.resolve.Resolver;
import dev.outpost.profiles.validation.Problem;
import dev.outpost.profiles.files.PrivateFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The catalog a user works with: the built-in one, overlaid by the platform repository's last good
 * version when one is configured, plus the user's own profiles. Every read is validated.
 */
public final class CatalogService {
    private final Path localRoot;
    private final Supplier<Optional<Path>> platformTree;
    private final Supplier<Optional<Path>> userProfilesInPlatform;
    private final CatalogLoader loader = new CatalogLoader();

    /**
     * @param dataDirectory          Outpost's data directory; local profiles live under it
     * @param platformTree           the platform clone's checked-out last good version, when configured
     * @param userProfilesInPlatform profiles/users/&lt;user&gt;/ in that clone, when configured
     */
    public CatalogService(Path dataDirectory, Supplier<Optional<Path>> platformTree,
                          Supplier<Optional<Path>> userProfilesInPlatform) {
        this.localRoot = dataDirectory.resolve("local");
        this.platformTree = platformTree;
        this.userProfilesInPlatform = userProfilesInPlatform;
    }

    public CatalogSnapshot load() throws IOException {
        List<Layer> layers = new ArrayList<>();
        Map<String, ProfileOrigin> origins = new LinkedHashMap<>();
        layers.add(BuiltInCatalog.layer());
        origins.put(BuiltInCatalog.LABEL, ProfileOrigin.BUILT_IN);
        Optional<Path> platform = platformTree.get();
        if (platform.isPresent()) {
            layers.add(new Layer("", SourceTree.directory(platform.get()), Optional.empty()));
        }
        if (Files.isDirectory(localRoot)) {
            String label = localRoot + "/";
            layers.add(new Layer(label, SourceTree.directory(localRoot), Optional.of(ProfileOrigin.USER)));
            origins.put(label, ProfileOrigin.USER);
        }
        LoadResult result = loader.load(layers);
        return CatalogSnapshot.of(result, origins);
    }

    /** Where {@code new} puts a profile: the user's folder of the platform clone, or the local folder. */
    public Path userProfilesDirectory() {
        return userProfilesInPlatform.get().orElse(localRoot.resolve("profiles").resolve("mine"));
    }

    /** Validates files against the current catalog without changing anything. */
    public List<Problem> validate(Path file) throws IOException {
        byte[] content = Files.readAllBytes(file);
        return loader.validateProfile(file.toString(), content, load().catalog());
    }

    /**
     * Writes a new profile after validating it against the catalog; refuses to overwrite and writes
     * nothing when invalid.
     */
    public Created create(NewProfile request) throws IOException {
        String yaml = ProfileYaml.render(request);
        Path dir = userProfilesDirectory();
        Path target = dir.resolve(request.name() + ".yaml");
        CatalogSnapshot snapshot = load();
        List<Problem> problems = new ArrayList<>(loader.validateProfile(target.toString(),
                yaml.getBytes(StandardCharsets.UTF_8), snapshot.catalog()));
        if (snapshot.catalog().profile(request.name()).isPresent()) {
            problems.add(new Problem(dev.outpost.profiles.yaml.Location.file(target.toString()), "metadata.name",
                    "a profile named \"" + request.name() + "\" already exists"));
        }
        if (!problems.isEmpty()) {
            return new Created(Optional.empty(), problems);
        }
        if (Files.exists(target)) {
            throw new FileAlreadyExistsException(target.toString(), null, "a profile file is already there");
        }
        Files.createDirectories(dir.getParent());
        PrivateFiles.createDirectories(dir);
        PrivateFiles.writeAtomically(target, yaml.getBytes(StandardCharsets.UTF_8));
        return new Created(Optional.of(target), List.of());
    }

    public record Created(Optional<Path> file, List<Problem> problems) {
    }

    public Plan resolve(CatalogSnapshot snapshot, String profileName, ResolveOptions options) {
        Catalog.CatalogProfile entry = snapshot.catalog().profile(profileName)
                .orElseThrow(() -> new IllegalArgumentException("no valid profile named \"" + profileName + "\""));
        Plan plan = new Resolver(snapshot.catalog(), options).resolve(entry.profile());
        return profileDirectory(entry.parsed().file()).map(plan::withManifestsUnder).orElse(plan);
    }

    /**
     * The directory of a profile's file on disk, for its manifests: local profiles are labelled with their
     * absolute path, platform ones with their path in the clone; built-in ones have no directory.
     */
    private Optional<Path> profileDirectory(String fileLabel) {
        Path file = Path.of(fileLabel);
        if (file.isAbsolute()) {
            return Optional.ofNullable(file.getParent());
        }
        if (fileLabel.startsWith(BuiltInCatalog.LABEL)) {
            return Optional.empty();
        }
        return platformTree.get().map(root -> root.resolve(fileLabel).getParent());
    }
}
