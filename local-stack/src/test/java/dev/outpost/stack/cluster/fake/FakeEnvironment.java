package dev.outpost.stack.cluster.fake;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The fakes' settings as they arrive at run time: environment variables that {@link FakeClusterTools} exports in
 * the wrapper scripts. Unset means "behave like the real tool".
 */
record FakeEnvironment(Map<String, String> env) {
    static final String SERVER_URL = "OUTPOST_FAKE_SERVER_URL";
    static final String NODE_IMAGE = "OUTPOST_FAKE_NODE_IMAGE";
    static final String DOCKER_HOST = "OUTPOST_FAKE_DOCKER_HOST";
    static final String DOCKER = "OUTPOST_FAKE_DOCKER";
    static final String FAIL_AT = "OUTPOST_FAKE_FAIL_AT";
    static final String INVOCATION_LOG = "OUTPOST_FAKE_INVOCATION_LOG";

    static final String DEFAULT_NODE_IMAGE = "outpost-test/debian-base:bookworm";

    static FakeEnvironment current() {
        return new FakeEnvironment(System.getenv());
    }

    Optional<String> get(String name) {
        String v = env.get(name);
        return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v);
    }

    Optional<String> serverUrl() {
        return get(SERVER_URL);
    }

    String nodeImage() {
        return get(NODE_IMAGE).orElse(DEFAULT_NODE_IMAGE);
    }

    String dockerBinary() {
        return get(DOCKER).orElse("docker");
    }

    /** DOCKER_HOST for the docker CLI: the fake's own setting wins over the inherited one. */
    Optional<String> dockerHost() {
        return get(DOCKER_HOST).or(() -> get("DOCKER_HOST"));
    }

    /** The injected failure step, e.g. {@code kubeadm-init} (kind) or {@code start-servers} (k3d). */
    Optional<String> failAt() {
        return get(FAIL_AT);
    }

    Optional<Path> invocationLog() {
        return get(INVOCATION_LOG).map(Path::of);
    }

    Path home() {
        return Path.of(get("HOME").orElse(System.getProperty("user.home")));
    }
}
