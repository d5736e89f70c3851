package dev.outpost.stack.environment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The registry ci/test-images/registry.sh runs (address and credentials from its env file or the
 * environment .ci/run exports), and a Docker config that logs in to it.
 */
record TestRegistry(String address, String user, String password) {
    static TestRegistry fromEnvironment() throws IOException {
        Map<String, String> env = new HashMap<>(System.getenv());
        if (!env.containsKey("OUTPOST_TEST_REGISTRY")) {
            Path file = Path.of(env.getOrDefault("OUTPOST_TEST_CACHE", "/var/cache/outpost-test-registry"), "registry.env");
            if (!Files.isRegularFile(file)) {
                throw new IllegalStateException("No test registry: run ci/test-images/registry.sh start and "
                        + "ci/test-images/build.sh first (.ci/run does), or set OUTPOST_TEST_REGISTRY*");
            }
            Properties p = new Properties();
            try (var in = Files.newBufferedReader(file)) {
                p.load(in);
            }
            p.forEach((k, v) -> env.put((String) k, (String) v));
        }
        return new TestRegistry(env.get("OUTPOST_TEST_REGISTRY"), env.get("OUTPOST_TEST_REGISTRY_USER"),
                env.get("OUTPOST_TEST_REGISTRY_PASSWORD"));
    }

    /** A DOCKER_CONFIG directory whose config.json holds a login to this registry, as `docker login` writes it. */
    Path dockerConfig(Path dir, String withPassword) throws IOException {
        String auth = Base64.getEncoder().encodeToString((user + ":" + withPassword).getBytes(StandardCharsets.UTF_8));
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("config.json"), "{\"auths\":{\"" + address + "\":{\"auth\":\"" + auth + "\"}}}");
        return dir;
    }
}
