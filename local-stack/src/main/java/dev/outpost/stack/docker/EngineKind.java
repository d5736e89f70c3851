package dev.outpost.stack.docker;

/** Which engine serves the Docker API; Podman's compatibility layer differs in places Outpost cares about. */
public enum EngineKind {
    DOCKER("Docker Engine"),
    PODMAN("Podman");

    private final String displayName;

    EngineKind(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }
}
