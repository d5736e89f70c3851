package dev.outpost.stack.docker;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What the engine that answered says about itself.
 *
 * @param endpoint          where it answered
 * @param kind              Docker or Podman
 * @param serverVersion     engine version as reported ({@code 20.10.24+dfsg1})
 * @param apiVersion        highest API version it speaks
 * @param operatingSystem   the engine host's OS name ({@code Debian GNU/Linux 12 (bookworm)}, {@code Docker Desktop})
 * @param os                GOOS of the engine ({@code linux})
 * @param arch              GOARCH of the engine ({@code amd64})
 * @param cgroupDriver      {@code systemd} or {@code cgroupfs}; empty when not reported
 * @param cgroupVersion     {@code 1} or {@code 2}, when reported
 * @param rootDir           the engine's data directory, as the engine sees it
 * @param freeDiskBytes     free space under {@code rootDir}, when that directory is on this machine
 * @param containersRunning containers running now
 * @param containersTotal   containers in any state
 * @param images            images stored
 * @param failedBefore      candidates tried before this one, which did not answer
 * @param resolveError      why the docker CLI's own choice could not be worked out, when that was the case
 */
public record EngineInfo(DockerEndpoint endpoint, EngineKind kind, String serverVersion, String apiVersion,
                         String operatingSystem, String os, String arch, String cgroupDriver,
                         Optional<String> cgroupVersion, String rootDir, OptionalLong freeDiskBytes,
                         int containersRunning, int containersTotal, int images,
                         List<EngineAttempt> failedBefore, Optional<DockerEndpointException> resolveError) {

    public EngineInfo {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(cgroupVersion, "cgroupVersion");
        Objects.requireNonNull(freeDiskBytes, "freeDiskBytes");
        Objects.requireNonNull(resolveError, "resolveError");
        failedBefore = List.copyOf(failedBefore);
    }

    /** {@code linux/amd64}. */
    public String platform() {
        return os + "/" + arch;
    }

    /** The desktop product around the engine: from the socket's location, else from what the engine reports. */
    public Optional<Product> product() {
        if (endpoint.product().isPresent()) {
            return endpoint.product();
        }
        String name = operatingSystem.toLowerCase(Locale.ROOT);
        if (name.contains("docker desktop")) {
            return Optional.of(Product.DOCKER_DESKTOP);
        }
        if (name.contains("orbstack")) {
            return Optional.of(Product.ORBSTACK);
        }
        if (name.contains("rancher desktop")) {
            return Optional.of(Product.RANCHER_DESKTOP);
        }
        return kind == EngineKind.PODMAN ? Optional.of(Product.PODMAN) : Optional.empty();
    }
}
