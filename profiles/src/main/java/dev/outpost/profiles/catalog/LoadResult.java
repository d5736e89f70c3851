package dev.outpost.profiles.catalog;

import dev.outpost.profiles.validation.Problem;
import java.util.List;

/**
 * What a load found: the catalog of every document that passed, and every problem in every file.
 * A repository is only taken as a whole when {@link #valid()}; a single bad profile is still listed
 * (with its problems) but never run.
 */
public record LoadResult(Catalog catalog, List<Problem> problems, int filesRead) {
    public LoadResult {
        problems = List.copyOf(problems);
    }

    public boolean valid() {
        return problems.isEmpty();
    }

    public List<Problem> problemsIn(String file) {
        return problems.stream().filter(p -> p.location().file().equals(file)).toList();
    }
}
