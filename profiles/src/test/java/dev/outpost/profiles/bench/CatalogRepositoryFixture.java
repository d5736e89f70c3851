package dev.outpost.profiles.bench;

import dev.outpost.profiles.catalog.BuiltInCatalog;
import dev.outpost.profiles.catalog.SourceFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes a platform repository with the built-in catalog and many generated team profiles. */
final class CatalogRepositoryFixture {
    private static final String[][] MIXES = {
        {"postgres", "redis", "rabbitmq"}, {"kafka", "minio", "postgres"}, {"qdrant", "postgres", "ollama"},
        {"mongodb", "redis"}, {"opensearch", "kafka"}, {"postgres"},
    };

    private CatalogRepositoryFixture() {
    }

    static void write(Path root, int profiles) throws IOException {
        List<SourceFile> builtIn = BuiltInCatalog.layer().files();
        for (SourceFile f : builtIn) {
            if (!f.path().startsWith("profiles/")) {
                Path p = root.resolve(f.path());
                Files.createDirectories(p.getParent());
                Files.write(p, f.content());
            }
        }
        Path team = Files.createDirectories(root.resolve("profiles/team"));
        for (int i = 0; i < profiles; i++) {
            String[] mix = MIXES[i % MIXES.length];
            StringBuilder b = new StringBuilder("""
                    apiVersion: outpost.dev/v1
                    kind: Profile
                    metadata:
                      name: prototype-%d
                      description: Generated profile number %d
                      owner: team-%d
                    spec:
                      runtime: %s
                      services:
                    """.formatted(i, i, i % 17, i % 3 == 0 ? "k3d" : "docker"));
            for (String s : mix) {
                b.append("    - use: ").append(s).append('\n');
            }
            b.append("  idle:\n    stopAfter: ").append(30 + i % 90).append("m\n");
            Files.writeString(team.resolve("prototype-" + i + ".yaml"), b.toString());
        }
    }
}
