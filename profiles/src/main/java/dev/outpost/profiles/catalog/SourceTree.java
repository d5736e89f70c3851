package dev.outpost.profiles.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Where a catalog's files come from: a directory (a clone), or resources shipped inside the app. */
public final class SourceTree {
    private SourceTree() {
    }

    /** Every *.yaml / *.yml file under the directory, skipping .git and other hidden folders. */
    public static List<SourceFile> directory(Path root) throws IOException {
        List<SourceFile> out = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                String rel = root.relativize(p).toString().replace('\\', '/');
                if (rel.startsWith(".") || rel.contains("/.") || !(rel.endsWith(".yaml") || rel.endsWith(".yml"))) {
                    continue;
                }
                // Read at most one byte over the limit: enough to refuse the file without loading a huge one.
                out.add(new SourceFile(rel, readCapped(p)));
            }
        }
        return out;
    }

    /**
     * Files listed, one path per line, in {@code base + "/index.txt"} on the class path: the app
     * cannot list a folder inside its own jar, so the built-in catalog carries its table of contents.
     */
    public static List<SourceFile> classpath(Class<?> anchor, String base) {
        try (InputStream index = anchor.getResourceAsStream(base + "/index.txt")) {
            if (index == null) {
                throw new IllegalStateException("missing " + base + "/index.txt on the class path");
            }
            List<SourceFile> out = new ArrayList<>();
            for (String line : new String(index.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String rel = line.trim();
                if (rel.isEmpty() || rel.startsWith("#")) {
                    continue;
                }
                try (InputStream in = anchor.getResourceAsStream(base + "/" + rel)) {
                    if (in == null) {
                        throw new IllegalStateException("index lists " + rel + " but it is not on the class path");
                    }
                    out.add(new SourceFile(rel, in.readAllBytes()));
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] readCapped(Path p) throws IOException {
        try (InputStream in = Files.newInputStream(p)) {
            return in.readNBytes(dev.outpost.profiles.yaml.YamlReader.MAX_BYTES + 1);
        }
    }
}
