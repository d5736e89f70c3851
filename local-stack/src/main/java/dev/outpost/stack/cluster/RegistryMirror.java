package dev.outpost.stack.cluster;

import java.net.URI;

/**
 * The company mirror for docker.io, as Settings holds it ({@code host[:port][/path]}), turned into the URL
 * a node's containerd uses. Loopback and {@code *.localhost} mirrors are plain HTTP, as registries on a
 * developer's machine are; every other mirror is HTTPS with the system's trust store.
 */
public record RegistryMirror(String host, String path, boolean plainHttp) {

    public static RegistryMirror parse(String setting) {
        String s = setting.strip().replaceFirst("^(?i)(https?)://", "");
        boolean explicitHttp = setting.strip().regionMatches(true, 0, "http://", 0, 7);
        int slash = s.indexOf('/');
        String host = slash < 0 ? s : s.substring(0, slash);
        String path = slash < 0 ? "" : s.substring(slash).replaceAll("/+$", "");
        if (host.isEmpty()) {
            throw new IllegalArgumentException("registry mirror '" + setting + "' has no host");
        }
        String bare = host.replaceFirst(":\\d+$", "");
        boolean local = bare.equals("localhost") || bare.endsWith(".localhost") || bare.startsWith("127.") || bare.equals("[::1]");
        return new RegistryMirror(host, path, explicitHttp || local);
    }

    /** {@code https://mirror.example.com/dockerhub} */
    public URI url() {
        return URI.create((plainHttp ? "http://" : "https://") + host + path);
    }
}
