package dev.outpost.stack.cluster.kind;

import dev.outpost.stack.cluster.RegistryMirror;

/**
 * The containerd {@code hosts.toml} that sends docker.io pulls to the mirror first, docker.io itself
 * after it. kind's config only switches {@code config_path} on; this file goes into every node.
 */
public final class KindMirrorHosts {
    public static final String DOCKER_IO_FILE = KindConfig.CERTS_DIR + "/docker.io/hosts.toml";

    private KindMirrorHosts() {
    }

    public static String dockerIo(RegistryMirror mirror) {
        StringBuilder b = new StringBuilder();
        b.append("server = \"https://registry-1.docker.io\"\n\n");
        b.append("[host.\"").append(mirror.url()).append(mirror.path().isEmpty() ? "" : "/v2").append("\"]\n");
        b.append("  capabilities = [\"pull\", \"resolve\"]\n");
        if (!mirror.path().isEmpty()) {
            // A mirror under a path serves /v2/ there, not at the host's root.
            b.append("  override_path = true\n");
        }
        return b.toString();
    }
}
