package dev.outpost.stack.cluster.kind;

import java.util.Map;

/**
 * kind node images by Kubernetes version. kind's docs ask for images pinned by digest from the release
 * notes of the kind release in use; Outpost pins the ones it knows for kind v0.32.0 and otherwise uses the
 * tag, which kind publishes for each supported patch release.
 */
public final class KindNodeImages {
    public static final String REPOSITORY = "kindest/node";

    private static final Map<String, String> PINNED = Map.of(
            "v1.36.1", "sha256:3489c7674813ba5d8b1a9977baea8a6e553784dab7b84759d1014dbd78f7ebd5");

    private KindNodeImages() {
    }

    public static String forVersion(String kubernetesVersion) {
        String v = kubernetesVersion.startsWith("v") ? kubernetesVersion : "v" + kubernetesVersion;
        String digest = PINNED.get(v);
        return REPOSITORY + ":" + v + (digest == null ? "" : "@" + digest);
    }
}
