package dev.outpost.stack.docker.pull;

import java.util.Locale;
import java.util.Set;

/** How the docker CLI names registries in its configuration. */
final class Registries {
    /** The key Docker Hub's credentials live under in config.json and in credential helpers. */
    static final String DOCKER_HUB_SERVER = "https://index.docker.io/v1/";
    private static final Set<String> DOCKER_HUB_HOSTS = Set.of("docker.io", "index.docker.io", "registry-1.docker.io");

    private Registries() {
    }

    static boolean isDockerHub(String host) {
        return DOCKER_HUB_HOSTS.contains(hostname(host));
    }

    /** What the CLI hands a credential helper and stores under: Hub's v1 URL, otherwise the bare host. */
    static String serverAddress(String host) {
        return isDockerHub(host) ? DOCKER_HUB_SERVER : hostname(host);
    }

    /**
     * A config key or a host reduced to {@code host[:port]}, lower-case: config.json written by older CLIs
     * holds keys like {@code https://registry.example.com/v1/}, which mean the same registry.
     */
    static String hostname(String keyOrHost) {
        String s = keyOrHost.strip();
        int scheme = s.indexOf("://");
        if (scheme >= 0) {
            s = s.substring(scheme + 3);
        }
        int slash = s.indexOf('/');
        if (slash >= 0) {
            s = s.substring(0, slash);
        }
        return s.toLowerCase(Locale.ROOT);
    }

    /** Whether a config key names the same registry as {@code host}. */
    static boolean sameRegistry(String key, String host) {
        String k = hostname(key);
        String h = hostname(host);
        return k.equals(h) || (isDockerHub(k) && isDockerHub(h));
    }
}
