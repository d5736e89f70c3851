package dev.outpost.profiles.sync;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Checks a candidate version of the platform repository before Outpost switches to it. The tree is
 * a private copy of the commit's files, deleted afterwards; the live working copy is not touched.
 */
@FunctionalInterface
public interface TreeValidator {
    TreeValidator ACCEPT_ALL = tree -> List.of();

    /** @return one readable sentence per problem (file, line, what is wrong); empty when the tree is valid */
    List<String> problems(Path tree) throws IOException;
}
