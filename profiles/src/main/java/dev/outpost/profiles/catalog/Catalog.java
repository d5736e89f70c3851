package dev.outpost.profiles.catalog;

import dev.outpost.profiles.model.InferenceTarget;
import dev.outpost.profiles.model.Platform;
import dev.outpost.profiles.model.Profile;
import dev.outpost.profiles.model.ServiceTemplate;
import dev.outpost.profiles.validation.Parsed;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** A validated platform repository: the platform, its service templates, inference targets and profiles. */
public record Catalog(Optional<Parsed<Platform>> platform,
                      Map<String, Parsed<ServiceTemplate>> templates,
                      Map<String, Parsed<InferenceTarget>> targets,
                      List<CatalogProfile> profiles) {

    public Catalog {
        templates = Collections.unmodifiableMap(new TreeMap<>(templates));
        targets = Collections.unmodifiableMap(new TreeMap<>(targets));
        profiles = List.copyOf(profiles);
    }

    /** A profile and where it came from. */
    public record CatalogProfile(Parsed<Profile> parsed, ProfileOrigin origin) {
        public Profile profile() {
            return parsed.document();
        }

        public String name() {
            return profile().name();
        }
    }

    public Optional<CatalogProfile> profile(String name) {
        return profiles.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    public Optional<ServiceTemplate> template(String name) {
        return Optional.ofNullable(templates.get(name)).map(Parsed::document);
    }
}
