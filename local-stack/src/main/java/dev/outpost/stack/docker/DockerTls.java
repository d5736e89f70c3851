package dev.outpost.stack.docker;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * How to speak TLS to an endpoint.
 *
 * @param enabled      whether to use TLS at all
 * @param verifyServer whether the engine's certificate must check out ({@code false}: a context's SkipTLSVerify)
 * @param material     directory holding {@code ca.pem}, {@code cert.pem} and {@code key.pem}, where there is one
 */
public record DockerTls(boolean enabled, boolean verifyServer, Optional<Path> material) {
    public static final String CA = "ca.pem";
    public static final String CERT = "cert.pem";
    public static final String KEY = "key.pem";

    public DockerTls {
        Objects.requireNonNull(material, "material");
    }

    public static DockerTls none() {
        return new DockerTls(false, false, Optional.empty());
    }

    /** DOCKER_TLS_VERIFY: verify the engine against the CA in {@code dir} and present the client pair. */
    public static DockerTls verified(Path dir) {
        return new DockerTls(true, true, Optional.of(dir));
    }

    /**
     * A context's TLS: the docker CLI turns TLS on when the context store holds material for it
     * or when the context says SkipTLSVerify.
     */
    public static DockerTls forContext(Optional<Path> material, boolean skipVerify) {
        if (material.isEmpty() && !skipVerify) {
            return none();
        }
        return new DockerTls(true, !skipVerify, material);
    }
}
