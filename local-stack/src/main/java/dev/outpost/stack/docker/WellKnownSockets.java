package dev.outpost.stack.docker;

import dev.outpost.stack.docker.DockerEndpoint.Source;
import dev.outpost.stack.platform.HostEnvironment;
import dev.outpost.stack.platform.OperatingSystem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Sockets that desktop products create at fixed places. Users of these products often have no
 * DOCKER_HOST or context pointing at them, so Outpost looks for them after the docker CLI's choice.
 */
final class WellKnownSockets {
    private record Location(Path socket, Product product, String label) {
    }

    private WellKnownSockets() {
    }

    /** Those that {@code exists} accepts, in the order they should be tried. */
    static List<DockerEndpoint> existing(HostEnvironment env, Predicate<Path> exists) {
        List<DockerEndpoint> found = new ArrayList<>();
        for (Location l : locations(env)) {
            if (exists.test(l.socket())) {
                found.add(new DockerEndpoint(DockerEndpoint.unixUri(l.socket()), Source.WELL_KNOWN, l.label(),
                        Optional.of(l.product()), DockerTls.none()));
            }
        }
        return found;
    }

    private static List<Location> locations(HostEnvironment env) {
        if (env.os() == OperatingSystem.WINDOWS) {
            // Windows engines listen on named pipes, which the default npipe endpoint already covers for Docker Desktop.
            return List.of();
        }
        Path home = env.home();
        List<Location> l = new ArrayList<>();
        l.add(new Location(home.resolve(".docker/desktop/docker.sock"), Product.DOCKER_DESKTOP, "Docker Desktop (Linux)"));
        l.add(new Location(home.resolve(".docker/run/docker.sock"), Product.DOCKER_DESKTOP, "Docker Desktop (macOS)"));
        l.add(new Location(Path.of("/run/podman/podman.sock"), Product.PODMAN, "Podman (rootful)"));
        runtimeDir(env).ifPresent(dir ->
                l.add(new Location(dir.resolve("podman/podman.sock"), Product.PODMAN, "Podman (rootless)")));
        Path machine = home.resolve(".local/share/containers/podman/machine");
        l.add(new Location(machine.resolve("podman.sock"), Product.PODMAN, "Podman machine"));
        l.add(new Location(machine.resolve("qemu/podman.sock"), Product.PODMAN, "Podman machine (qemu)"));
        l.add(new Location(home.resolve(".rd/docker.sock"), Product.RANCHER_DESKTOP, "Rancher Desktop"));
        l.add(new Location(home.resolve(".colima/default/docker.sock"), Product.COLIMA, "Colima"));
        l.add(new Location(home.resolve(".config/colima/default/docker.sock"), Product.COLIMA, "Colima"));
        l.add(new Location(home.resolve(".orbstack/run/docker.sock"), Product.ORBSTACK, "OrbStack"));
        return l;
    }

    /** XDG_RUNTIME_DIR, else systemd's /run/user/UID; a Java process cannot learn its uid otherwise. */
    private static Optional<Path> runtimeDir(HostEnvironment env) {
        return env.get("XDG_RUNTIME_DIR").map(Path::of)
                .or(() -> env.get("UID").map(uid -> Path.of("/run/user", uid)));
    }
}
