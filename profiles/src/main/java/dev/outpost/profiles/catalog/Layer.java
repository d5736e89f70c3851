package dev.outpost.profiles.catalog;

import java.util.List;

/**
 * One source of documents. Layers load in order and later ones win by name: the built-in catalog
 * first, then the platform repository's.
 *
 * @param label   prefix for file names in messages, e.g. "built-in:" (empty for the platform repository)
 * @param builtIn whether its profiles are the built-in samples
 */
public record Layer(String label, List<SourceFile> files, boolean builtIn) {
    public Layer {
        files = List.copyOf(files);
    }
}
