package dev.outpost.profiles.validation;

import dev.outpost.profiles.yaml.Location;
import java.util.HashMap;
import java.util.Map;

/** Field path → where its value starts, so checks that run on the bound model can still point into the file. */
public final class LocationIndex {
    private final String file;
    private final Map<String, Location> byPath = new HashMap<>();

    public LocationIndex(String file) {
        this.file = file;
    }

    void put(String path, Location location) {
        byPath.put(path, location);
    }

    public String file() {
        return file;
    }

    /** The location of the path, or of its nearest ancestor that has one. */
    public Location at(String path) {
        String p = path;
        while (true) {
            Location l = byPath.get(p);
            if (l != null) {
                return l;
            }
            int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
            if (cut <= 0) {
                return byPath.getOrDefault("", Location.file(file));
            }
            p = p.substring(0, cut);
        }
    }

    public Problem problem(String path, String message) {
        return new Problem(at(path), path, message);
    }
}
