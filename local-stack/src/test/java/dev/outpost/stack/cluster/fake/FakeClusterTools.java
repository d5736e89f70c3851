package dev.outpost.stack.cluster.fake;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Installs executable {@code kind} and {@code k3d} wrapper scripts that run {@link FakeKind} / {@link FakeK3d} on
 * this JVM's java and test classpath, with the fake's settings exported inside the scripts (so a product that runs
 * them with any environment still gets them).
 *
 * <pre>{@code
 * FakeClusterTools tools = FakeClusterTools.install(tempDir, FakeClusterTools.Settings.defaults()
 *         .withServerUrl(mockServer.url("/")).withFailAt("kubeadm-init"));
 * run(tools.kind(), "create", "cluster");
 * tools.invocations();   // one JSON line per call
 * }</pre>
 */
public final class FakeClusterTools {
    /**
     * What the fakes do differently from the real tools; every field is optional (null = real behaviour).
     *
     * @param serverUrl     the {@code server:} written into kubeconfigs (e.g. a fabric8 mock server's URL); null:
     *                      the real tools' {@code https://127.0.0.1:<port>} (kind) / {@code https://0.0.0.0:<port>} (k3d)
     * @param nodeImage     the image the node containers run; null: {@code outpost-test/debian-base:bookworm}
     * @param dockerHost    DOCKER_HOST for the fakes' docker calls; null: inherited from the caller's environment
     * @param failAt        inject a failure after the nodes exist: kind {@code kubeadm-init}, {@code install-cni},
     *                      {@code install-storage}, {@code join-workers}, {@code wait-ready} (a timeout warning, as
     *                      kind does); k3d {@code start-servers}
     * @param invocationLog file receiving one JSON line per call; null: {@code <dir>/invocations.jsonl}
     */
    public record Settings(String serverUrl, String nodeImage, String dockerHost, String failAt, Path invocationLog) {
        public static Settings defaults() {
            return new Settings(null, null, null, null, null);
        }

        public Settings withServerUrl(String url) {
            return new Settings(url, nodeImage, dockerHost, failAt, invocationLog);
        }

        public Settings withNodeImage(String image) {
            return new Settings(serverUrl, image, dockerHost, failAt, invocationLog);
        }

        public Settings withDockerHost(String host) {
            return new Settings(serverUrl, nodeImage, host, failAt, invocationLog);
        }

        public Settings withFailAt(String step) {
            return new Settings(serverUrl, nodeImage, dockerHost, step, invocationLog);
        }

        public Settings withInvocationLog(Path file) {
            return new Settings(serverUrl, nodeImage, dockerHost, failAt, file);
        }

        /** The environment variables the wrapper scripts export. */
        public Map<String, String> environment() {
            Map<String, String> env = new LinkedHashMap<>();
            put(env, FakeEnvironment.SERVER_URL, serverUrl);
            put(env, FakeEnvironment.NODE_IMAGE, nodeImage);
            put(env, FakeEnvironment.DOCKER_HOST, dockerHost);
            put(env, FakeEnvironment.FAIL_AT, failAt);
            put(env, FakeEnvironment.INVOCATION_LOG, invocationLog == null ? null
                    : invocationLog.toAbsolutePath().toString());
            dockerOnPath().ifPresent(d -> env.put(FakeEnvironment.DOCKER, d.toString()));
            return env;
        }

        private static void put(Map<String, String> env, String k, String v) {
            if (v != null) {
                env.put(k, v);
            }
        }
    }

    private final Path dir;
    private final Settings settings;

    private FakeClusterTools(Path dir, Settings settings) {
        this.dir = dir;
        this.settings = settings;
    }

    /** Writes {@code dir/kind} and {@code dir/k3d}; the invocation log defaults to {@code dir/invocations.jsonl}. */
    public static FakeClusterTools install(Path dir, Settings s) throws IOException {
        Files.createDirectories(dir);
        Settings settings = s.invocationLog() == null ? s.withInvocationLog(dir.resolve("invocations.jsonl")) : s;
        FakeClusterTools tools = new FakeClusterTools(dir.toAbsolutePath(), settings);
        tools.writeScript(tools.kind(), FakeKind.class.getName());
        tools.writeScript(tools.k3d(), FakeK3d.class.getName());
        return tools;
    }

    public Path kind() {
        return dir.resolve("kind");
    }

    public Path k3d() {
        return dir.resolve("k3d");
    }

    /** Both scripts: kind, k3d. */
    public List<Path> paths() {
        return List.of(kind(), k3d());
    }

    /** The directory holding the scripts (put it first on a PATH to shadow real tools). */
    public Path dir() {
        return dir;
    }

    public Settings settings() {
        return settings;
    }

    public Path invocationLog() {
        return settings.invocationLog();
    }

    /** The JSON lines logged so far, oldest first ({@code {"tool":..,"argv":[..],"config":..}}). */
    public List<String> invocations() throws IOException {
        Path log = invocationLog();
        return Files.exists(log) ? Files.readAllLines(log, StandardCharsets.UTF_8) : List.of();
    }

    private void writeScript(Path script, String mainClass) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        StringBuilder sb = new StringBuilder("#!/bin/sh\n");
        settings.environment().forEach((k, v) -> sb.append("export ").append(k).append('=').append(sq(v))
                .append('\n'));
        List<String> cmd = new ArrayList<>(List.of(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-Xshare:auto", "-cp", System.getProperty("java.class.path"), mainClass));
        sb.append("exec");
        cmd.forEach(c -> sb.append(' ').append(sq(c)));
        sb.append(" \"$@\"\n");
        Files.writeString(script, sb.toString(), StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private static String sq(String s) {
        return "'" + s.replace("'", "'\"'\"'") + "'";
    }

    private static Optional<Path> dockerOnPath() {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String d : path.split(File.pathSeparator)) {
            Path p = Path.of(d.isEmpty() ? "." : d, "docker");
            if (Files.isExecutable(p)) {
                return Optional.of(p.toAbsolutePath());
            }
        }
        return Optional.empty();
    }
}
