package dev.outpost.profiles.catalog;

import java.util.List;
import java.util.Optional;

/**
 * One source of documents. Layers load in order and later ones win by name: the built-in catalog
 * first, then the platform repository's, then the user's local profiles.
 *
 * @param label  prefix that turns a file's repository path into what messages show: "built-in:" for
 *               the shipped catalog, empty for the platform clone, a directory for local files
 * @param origin the origin of every profile in this layer; empty to decide by path (team or users)
 */
public record Layer(String label, List<SourceFile> files, Optional<ProfileOrigin> origin) {
    public Layer {
        files = List.copyOf(files);
    }
}
