package dev.outpost.stack.cluster;

import dev.outpost.profiles.Runtime;
import dev.outpost.profiles.files.PrivateFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Outpost's record of the clusters it owns, and where each one's files live:
 * {@code DATA/clusters/RUNTIME-NAME/} holds the tool's config and the kubeconfig (0600, directory 0700).
 * The record says what should exist; whether it does is always read from the engine.
 */
public final class OwnedClusters {
    private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT)
            .findAndAddModules().build();

    private final Path root;

    public OwnedClusters(Path dataDirectory) {
        this.root = dataDirectory.resolve("clusters");
    }

    public Path directory(Runtime runtime, String name) {
        return root.resolve(OwnedCluster.key(runtime, name));
    }

    public Path kubeconfig(Runtime runtime, String name) {
        return directory(runtime, name).resolve("kubeconfig");
    }

    public synchronized List<OwnedCluster> all() {
        Path file = root.resolve("clusters.json");
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            return JSON.readValue(file.toFile(), new TypeReference<List<OwnedCluster>>() {
            });
        } catch (JacksonException e) {
            throw new IllegalStateException(file + " is damaged (" + e.getOriginalMessage()
                    + "); move it away and Outpost will list clusters from the engine only", e);
        }
    }

    public Optional<OwnedCluster> find(Runtime runtime, String name) {
        return all().stream().filter(c -> c.runtime() == runtime && c.name().equals(name)).findFirst();
    }

    public Optional<OwnedCluster> forEnvironment(String environment) {
        return all().stream().filter(c -> environment.equals(c.environment())).findFirst();
    }

    public synchronized void record(OwnedCluster cluster) {
        List<OwnedCluster> next = new ArrayList<>(all());
        next.removeIf(c -> c.key().equals(cluster.key()));
        next.add(cluster);
        write(next);
    }

    public synchronized void forget(Runtime runtime, String name) {
        List<OwnedCluster> next = new ArrayList<>(all());
        if (next.removeIf(c -> c.runtime() == runtime && c.name().equals(name))) {
            write(next);
        }
        try {
            Path dir = directory(runtime, name);
            if (Files.isDirectory(dir)) {
                try (var files = Files.list(dir)) {
                    for (Path f : files.toList()) {
                        Files.deleteIfExists(f);
                    }
                }
                Files.deleteIfExists(dir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not remove " + directory(runtime, name), e);
        }
    }

    /** Creates the cluster's directory owner-only, so its kubeconfig is never readable by others even for a moment. */
    public Path prepare(Runtime runtime, String name) {
        try {
            PrivateFiles.createDirectories(root);
            return PrivateFiles.createDirectories(directory(runtime, name));
        } catch (IOException e) {
            throw new UncheckedIOException("could not create " + directory(runtime, name), e);
        }
    }

    private void write(List<OwnedCluster> clusters) {
        try {
            PrivateFiles.createDirectories(root);
            PrivateFiles.writeAtomically(root.resolve("clusters.json"), JSON.writeValueAsBytes(clusters));
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + root.resolve("clusters.json"), e);
        }
    }
}
