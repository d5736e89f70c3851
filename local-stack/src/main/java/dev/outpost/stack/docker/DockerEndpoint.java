package dev.outpost.stack.docker;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Where a container engine listens and why Outpost thinks so.
 *
 * @param uri     {@code unix:///...}, {@code npipe:////./pipe/...} or {@code tcp://host:port}; anything else
 *                (ssh://) is kept so it can be reported, see {@link #supported()}
 * @param source  which rule chose it
 * @param origin  that rule for people: {@code DOCKER_HOST}, {@code docker context 'colima' (~/.docker/...)},
 *                {@code default socket}, {@code Podman (rootless)}
 * @param product the product this location belongs to, when the location gives it away
 * @param tls     how to speak TLS to it
 */
public record DockerEndpoint(URI uri, Source source, String origin, Optional<Product> product, DockerTls tls) {

    /** The rules, in the order the docker CLI applies them; {@link #WELL_KNOWN} is Outpost's own fallback. */
    public enum Source {
        DOCKER_HOST,
        /** A context named by the DOCKER_CONTEXT variable. */
        DOCKER_CONTEXT,
        /** The {@code currentContext} of config.json. */
        CONFIG_CONTEXT,
        /** Nothing configured: the platform's default socket or pipe. */
        DEFAULT,
        /** A socket some product creates at a known place, found on disk. */
        WELL_KNOWN
    }

    private static final Set<String> SUPPORTED_SCHEMES = Set.of("unix", "npipe", "tcp");

    public DockerEndpoint {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(tls, "tls");
    }

    public String scheme() {
        return uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    }

    /** Whether Outpost can connect to it; ssh:// endpoints are out of scope. */
    public boolean supported() {
        return SUPPORTED_SCHEMES.contains(scheme());
    }

    /** The socket file of a unix endpoint. */
    public Optional<Path> socketPath() {
        return "unix".equals(scheme()) && uri.getPath() != null ? Optional.of(Path.of(uri.getPath()))
                : Optional.empty();
    }

    /** The address without any user info, safe to show and log. */
    public String address() {
        if (uri.getRawUserInfo() == null) {
            return uri.toString();
        }
        try {
            return new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getPath(), null, null).toString();
        } catch (URISyntaxException e) {
            return uri.getScheme() + "://" + uri.getHost();
        }
    }

    /** {@code unix:///var/run/docker.sock (default socket)}. */
    public String describe() {
        return address() + " (" + origin + ")";
    }

    /** The URI of a socket file; spaces and the like are escaped so any path makes a valid URI. */
    public static URI unixUri(Path socket) {
        try {
            // Re-parsed so the result equals what URI.create("unix:///...") gives for the same path.
            return new URI(new URI("unix", "", socket.toString().replace('\\', '/'), null, null).toString());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a usable socket path: " + socket, e);
        }
    }
}
