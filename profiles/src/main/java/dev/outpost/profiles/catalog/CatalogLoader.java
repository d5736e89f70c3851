package dev.outpost.profiles.catalog;

import dev.outpost.profiles.model.Document;
import dev.outpost.profiles.model.DocumentKind;
import dev.outpost.profiles.model.InferenceTarget;
import dev.outpost.profiles.model.Platform;
import dev.outpost.profiles.model.Profile;
import dev.outpost.profiles.model.ServiceTemplate;
import dev.outpost.profiles.validation.CatalogRules;
import dev.outpost.profiles.validation.DocumentReader;
import dev.outpost.profiles.validation.Parsed;
import dev.outpost.profiles.validation.Problem;
import dev.outpost.profiles.validation.ProfileRules;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads platform repositories laid out as
 * {@code platform.yaml}, {@code catalog/services/*.yaml}, {@code catalog/targets/*.yaml} and
 * {@code profiles/**}{@code /*.yaml}, validates everything, and reports every problem at once.
 * Other files (manifests, CI config) are left alone.
 */
public final class CatalogLoader {
    private final DocumentReader reader = new DocumentReader();

    public LoadResult load(List<Layer> layers) {
        List<Problem> problems = new ArrayList<>();
        Parsed<Platform> platform = null;
        Map<String, Parsed<ServiceTemplate>> templates = new HashMap<>();
        Map<String, Parsed<InferenceTarget>> targets = new HashMap<>();
        Map<String, Catalog.CatalogProfile> profiles = new LinkedHashMap<>();
        int files = 0;
        List<Parsed<Profile>> partialProfiles = new ArrayList<>();
        for (Layer layer : layers) {
            Map<String, String> seenInLayer = new HashMap<>();
            for (SourceFile f : layer.files()) {
                Optional<DocumentKind> kind = kindFor(f.path());
                if (kind.isEmpty()) {
                    continue;
                }
                files++;
                String label = layer.label() + f.path();
                DocumentReader.Result r = reader.read(label, f.content(), kind);
                problems.addAll(r.problems());
                if (!r.valid()) {
                    r.parsed().filter(p -> p.document() instanceof Profile)
                            .ifPresent(p -> partialProfiles.add(p.as(Profile.class)));
                    continue;
                }
                Parsed<Document> parsed = r.parsed().get();
                String key = kind.get() + "/" + parsed.document().name();
                String earlier = seenInLayer.putIfAbsent(key, label);
                if (earlier != null) {
                    problems.add(parsed.problem("metadata.name", "\"" + parsed.document().name() + "\" is already defined in "
                            + earlier));
                    continue;
                }
                switch (parsed.document()) {
                    case Platform ignored -> platform = parsed.as(Platform.class);
                    case ServiceTemplate t -> templates.put(t.name(), parsed.as(ServiceTemplate.class));
                    case InferenceTarget t -> targets.put(t.name(), parsed.as(InferenceTarget.class));
                    case Profile p -> profiles.put(p.name(), new Catalog.CatalogProfile(parsed.as(Profile.class),
                            layer.origin().orElseGet(() -> originFor(f.path()))));
                }
            }
        }
        CatalogRules.check(templates, targets, problems::add);
        List<Catalog.CatalogProfile> valid = new ArrayList<>();
        for (Catalog.CatalogProfile p : profiles.values()) {
            List<Problem> own = new ArrayList<>();
            ProfileRules.check(p.parsed(), templates, targets, own::add);
            problems.addAll(own);
            if (own.isEmpty()) {
                valid.add(p);
            }
        }
        for (Parsed<Profile> p : partialProfiles) {
            ProfileRules.check(p, templates, targets, problems::add);
        }
        return new LoadResult(new Catalog(Optional.ofNullable(platform), templates, targets, valid), problems, files);
    }

    /** Checks one profile file against an already loaded catalog: what {@code outpost profile validate FILE} does. */
    public List<Problem> validateProfile(String label, byte[] content, Catalog catalog) {
        DocumentReader.Result r = reader.read(label, content, Optional.of(DocumentKind.PROFILE));
        List<Problem> problems = new ArrayList<>(r.problems());
        r.parsed().ifPresent(p -> ProfileRules.check(p.as(Profile.class), catalog.templates(), catalog.targets(),
                problems::add));
        return problems;
    }

    static Optional<DocumentKind> kindFor(String path) {
        if (!(path.endsWith(".yaml") || path.endsWith(".yml"))) {
            return Optional.empty();
        }
        if (path.equals("platform.yaml") || path.equals("platform.yml")) {
            return Optional.of(DocumentKind.PLATFORM);
        }
        if (path.startsWith("catalog/services/") && path.indexOf('/', "catalog/services/".length()) < 0) {
            return Optional.of(DocumentKind.SERVICE_TEMPLATE);
        }
        if (path.startsWith("catalog/targets/") && path.indexOf('/', "catalog/targets/".length()) < 0) {
            return Optional.of(DocumentKind.INFERENCE_TARGET);
        }
        // Profiles sit directly in a group folder (team, samples) or a user's folder; deeper YAML is their manifests.
        if (path.matches("profiles/(users/)?[^/]+/[^/]+\\.ya?ml") && !path.matches("profiles/users/[^/]+\\.ya?ml")) {
            return Optional.of(DocumentKind.PROFILE);
        }
        return Optional.empty();
    }

    static ProfileOrigin originFor(String path) {
        return path.startsWith("profiles/users/") ? ProfileOrigin.USER : ProfileOrigin.TEAM;
    }
}
