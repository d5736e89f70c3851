package dev.outpost.profiles.validation;

import dev.outpost.profiles.yaml.Location;

/**
 * One thing wrong with a file, e.g.
 * {@code profiles/team/rag.yaml:14:7 spec.services[1].version: "99" is not offered by catalog service postgres (offered: 15, 16, 17)}.
 *
 * @param path the field's path inside the document; empty for problems with the file as a whole
 */
public record Problem(Location location, String path, String message) {
    @Override
    public String toString() {
        return location + " " + (path.isEmpty() ? "" : path + ": ") + message;
    }
}
