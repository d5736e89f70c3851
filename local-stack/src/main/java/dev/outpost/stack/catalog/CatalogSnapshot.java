package dev.outpost.stack.catalog;

import dev.outpost.profiles.catalog.Catalog;
import dev.outpost.profiles.catalog.LoadResult;
import dev.outpost.profiles.catalog.ProfileOrigin;
import dev.outpost.profiles.validation.Problem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The catalog as loaded now, and every profile file with its state, valid or not. */
public record CatalogSnapshot(LoadResult result, List<ProfileEntry> profiles) {

    /** A profile as the list shows it; invalid ones carry their problems and no services. */
    public record ProfileEntry(String name, ProfileOrigin origin, String file, String runtime, List<String> services,
                               String description, List<Problem> problems) {
        public boolean valid() {
            return problems.isEmpty();
        }
    }

    public Catalog catalog() {
        return result.catalog();
    }

    static CatalogSnapshot of(LoadResult r, Map<String, ProfileOrigin> originByLabel) {
        List<ProfileEntry> entries = new ArrayList<>();
        for (Catalog.CatalogProfile p : r.catalog().profiles()) {
            var spec = p.profile().spec();
            entries.add(new ProfileEntry(p.name(), p.origin(), p.parsed().file(),
                    spec.runtime() == null ? "default" : spec.runtime().id(),
                    spec.services().stream().map(s -> s.version() == null ? s.use() : s.use() + ":" + s.version()).toList(),
                    p.profile().metadata().description(), List.of()));
        }
        Map<String, List<Problem>> invalid = new LinkedHashMap<>();
        for (Problem pr : r.problems()) {
            String file = pr.location().file();
            if (file.contains("profiles/")) {
                invalid.computeIfAbsent(file, k -> new ArrayList<>()).add(pr);
            }
        }
        invalid.forEach((file, problems) -> {
            String name = file.substring(file.lastIndexOf('/') + 1).replaceFirst("\\.ya?ml$", "");
            ProfileOrigin origin = originByLabel.entrySet().stream().filter(e -> file.startsWith(e.getKey()))
                    .map(Map.Entry::getValue).findFirst()
                    .orElse(file.contains("profiles/users/") ? ProfileOrigin.USER : ProfileOrigin.TEAM);
            entries.add(new ProfileEntry(name, origin, file, "", List.of(), "", List.copyOf(problems)));
        });
        return new CatalogSnapshot(r, List.copyOf(entries));
    }
}
