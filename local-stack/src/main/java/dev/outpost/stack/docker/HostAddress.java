package dev.outpost.stack.docker;

import dev.outpost.stack.platform.OperatingSystem;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Locale;

/** Turns a DOCKER_HOST value or a context's Host into a URI, filling the gaps as the docker CLI does. */
final class HostAddress {
    static final String DEFAULT_UNIX_SOCKET = "/var/run/docker.sock";
    static final String DEFAULT_PIPE = "//./pipe/docker_engine";
    private static final int PLAIN_PORT = 2375;
    private static final int TLS_PORT = 2376;

    private HostAddress() {
    }

    static URI platformDefault(OperatingSystem os) {
        return os == OperatingSystem.WINDOWS ? URI.create("npipe://" + DEFAULT_PIPE)
                : DockerEndpoint.unixUri(Path.of(DEFAULT_UNIX_SOCKET));
    }

    /**
     * @param what names the setting in the error message ("DOCKER_HOST", "the Host of context 'x'")
     * @throws DockerEndpointException if the value cannot be an address
     */
    static URI parse(String raw, boolean tls, String what) {
        String value = raw.trim();
        int sep = value.indexOf("://");
        // The CLI reads "host:2375" as tcp.
        String scheme = sep < 0 ? "tcp" : value.substring(0, sep).toLowerCase(Locale.ROOT);
        String rest = sep < 0 ? value : value.substring(sep + 3);
        try {
            return switch (scheme) {
                case "unix" -> DockerEndpoint.unixUri(Path.of(rest.isEmpty() ? DEFAULT_UNIX_SOCKET : rest));
                case "npipe" -> new URI("npipe://" + (rest.isEmpty() ? DEFAULT_PIPE : rest.replace('\\', '/')));
                case "tcp" -> tcp(rest, tls);
                default -> new URI(value);
            };
        } catch (URISyntaxException | IllegalArgumentException e) {
            // The message reaches reports and logs, so it keeps any user:password out, and so does leaving
            // out the cause, whose message quotes the whole value.
            String reason = e instanceof URISyntaxException u ? u.getReason() : "not a usable path";
            throw new DockerEndpointException(what + " is not a valid engine address: '" + redact(value) + "' ("
                    + reason + ")");
        }
    }

    static String redact(String address) {
        return address.replaceFirst("://[^/@]*@", "://***@");
    }

    private static URI tcp(String rest, boolean tls) throws URISyntaxException {
        URI u = new URI("tcp://" + (rest.startsWith(":") ? "localhost" + rest : rest));
        if (u.getHost() == null) {
            throw new URISyntaxException(rest, "no host name");
        }
        int port = u.getPort() >= 0 ? u.getPort() : tls ? TLS_PORT : PLAIN_PORT;
        String path = u.getRawPath() == null || u.getRawPath().equals("/") ? "" : u.getRawPath();
        return new URI("tcp://" + hostPart(u.getHost()) + ":" + port + path);
    }

    private static String hostPart(String host) {
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }
}
