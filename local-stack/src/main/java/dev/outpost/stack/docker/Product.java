package dev.outpost.stack.docker;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/** Desktop products that ship a container engine, named as their users know them. */
public enum Product {
    DOCKER_DESKTOP("Docker Desktop"),
    PODMAN("Podman"),
    RANCHER_DESKTOP("Rancher Desktop"),
    COLIMA("Colima"),
    ORBSTACK("OrbStack");

    private final String displayName;

    Product(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }

    /**
     * Runs its engine in a VM even on Linux, so the engine's paths are not paths on this machine.
     * (Podman is native on Linux; on macOS and Windows every engine sits in a VM anyway.)
     */
    public boolean vmEvenOnLinux() {
        return this != PODMAN;
    }

    /**
     * The product a socket path or context name belongs to, from the names these products use for
     * their own files and contexts ({@code ~/.colima/...}, context {@code desktop-linux}, ...).
     */
    public static Optional<Product> fromLocation(URI uri, String contextName) {
        String where = (String.valueOf(uri.getPath()) + " " + (contextName == null ? "" : contextName))
                .toLowerCase(Locale.ROOT);
        if (where.contains("colima")) {
            return Optional.of(COLIMA);
        }
        if (where.contains("orbstack")) {
            return Optional.of(ORBSTACK);
        }
        if (where.contains("/.rd/") || where.contains("rancher-desktop")) {
            return Optional.of(RANCHER_DESKTOP);
        }
        if (where.contains("podman")) {
            return Optional.of(PODMAN);
        }
        if (where.contains("/.docker/desktop/") || where.contains("/.docker/run/")
                || where.contains("desktop-linux") || where.contains("dockerdesktop")) {
            return Optional.of(DOCKER_DESKTOP);
        }
        return Optional.empty();
    }
}
