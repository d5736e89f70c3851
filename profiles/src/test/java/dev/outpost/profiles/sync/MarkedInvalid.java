package dev.outpost.profiles.sync;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Stands in for the profile and catalog validator: a file saying {@code invalid: true} makes a version invalid. */
final class MarkedInvalid implements TreeValidator {
    final List<Path> treesSeen = new ArrayList<>();

    @Override
    public List<String> problems(Path tree) throws IOException {
        treesSeen.add(tree);
        List<String> problems = new ArrayList<>();
        try (Stream<Path> files = Files.walk(tree)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                if (Files.readString(f).contains("invalid: true")) {
                    problems.add(tree.relativize(f).toString().replace('\\', '/') + ": marked invalid");
                }
            }
        }
        return problems;
    }
}
