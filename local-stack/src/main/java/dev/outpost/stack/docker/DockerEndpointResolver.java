package dev.outpost.stack.docker;

import dev.outpost.stack.docker.DockerEndpoint.Source;
import dev.outpost.stack.platform.HostEnvironment;
import dev.outpost.stack.platform.OperatingSystem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Finds the container engine the way the docker CLI does: DOCKER_HOST, else DOCKER_CONTEXT, else
 * config.json's currentContext, else the platform default. Reads files but opens no connection.
 */
public final class DockerEndpointResolver {
    private final HostEnvironment env;
    private final Predicate<Path> exists;
    private final ContextStore contexts;

    public DockerEndpointResolver(HostEnvironment env) {
        this(env, Files::exists);
    }

    /** @param exists decides whether a well-known socket is there; tests fake the absolute ones (/run/...) */
    public DockerEndpointResolver(HostEnvironment env, Predicate<Path> exists) {
        this.env = env;
        this.exists = exists;
        Path configDir = env.get("DOCKER_CONFIG").map(Path::of).orElse(env.home().resolve(".docker"));
        this.contexts = new ContextStore(configDir, env.os(), new PathDisplay(env.home()));
    }

    public HostEnvironment environment() {
        return env;
    }

    /**
     * The endpoint the docker CLI would use.
     *
     * @throws DockerEndpointException if the chosen context is missing or corrupt, config.json is
     *                                 malformed or DOCKER_HOST is no address
     */
    public DockerEndpoint resolve() {
        Optional<String> host = env.get("DOCKER_HOST");
        if (host.isPresent()) {
            return fromDockerHost(host.get());
        }
        Optional<String> named = env.get("DOCKER_CONTEXT");
        if (named.isPresent()) {
            return contexts.endpoint(named.get().trim(), Source.DOCKER_CONTEXT, "DOCKER_CONTEXT");
        }
        Optional<String> current = contexts.currentContext();
        if (current.isPresent()) {
            return contexts.endpoint(current.get().trim(), Source.CONFIG_CONTEXT, "currentContext in config.json");
        }
        return new DockerEndpoint(HostAddress.platformDefault(env.os()), Source.DEFAULT,
                env.os() == OperatingSystem.WINDOWS ? "default pipe" : "default socket", Optional.empty(),
                DockerTls.none());
    }

    /** The docker CLI's choice first, then well-known sockets found on disk, without duplicates. */
    public List<DockerEndpoint> candidates() {
        return search().endpoints();
    }

    /** Like {@link #candidates()}, and keeps the reason when the docker CLI's choice could not be resolved. */
    public Candidates search() {
        List<DockerEndpoint> list = new ArrayList<>();
        DockerEndpointException error = null;
        try {
            list.add(resolve());
        } catch (DockerEndpointException e) {
            error = e;
        }
        for (DockerEndpoint e : WellKnownSockets.existing(env, exists)) {
            if (list.stream().noneMatch(known -> sameSocket(known, e))) {
                list.add(e);
            }
        }
        return new Candidates(list, Optional.ofNullable(error));
    }

    /** Docker Desktop on macOS links /var/run/docker.sock to ~/.docker/run/docker.sock: one engine, not two. */
    private static boolean sameSocket(DockerEndpoint a, DockerEndpoint b) {
        if (a.uri().equals(b.uri())) {
            return true;
        }
        Optional<Path> pa = a.socketPath();
        Optional<Path> pb = b.socketPath();
        if (pa.isEmpty() || pb.isEmpty()) {
            return false;
        }
        try {
            return pa.get().toRealPath().equals(pb.get().toRealPath());
        } catch (IOException e) {
            return false;
        }
    }

    private DockerEndpoint fromDockerHost(String value) {
        // The CLI turns TLS on for any non-empty DOCKER_TLS_VERIFY, "0" included.
        boolean verify = env.get("DOCKER_TLS_VERIFY").isPresent();
        DockerTls tls = verify ? DockerTls.verified(certPath()) : DockerTls.none();
        var uri = HostAddress.parse(value, verify, "DOCKER_HOST");
        return new DockerEndpoint(uri, Source.DOCKER_HOST, "DOCKER_HOST", Product.fromLocation(uri, null), tls);
    }

    private Path certPath() {
        return env.get("DOCKER_CERT_PATH").map(Path::of)
                .orElseGet(() -> env.get("DOCKER_CONFIG").map(Path::of).orElse(env.home().resolve(".docker")));
    }
}
