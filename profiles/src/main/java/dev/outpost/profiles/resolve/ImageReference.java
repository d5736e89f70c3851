package dev.outpost.profiles.resolve;

/**
 * An image reference split the way Docker reads it: {@code postgres:16} is
 * {@code docker.io/library/postgres:16}; a first part with a dot, a colon or {@code localhost} names a registry.
 */
public record ImageReference(String registry, String repository, String tag) {
    public static final String DOCKER_HUB = "docker.io";

    public static ImageReference parse(String ref) {
        String rest = ref;
        String registry = DOCKER_HUB;
        int slash = rest.indexOf('/');
        if (slash > 0) {
            String first = rest.substring(0, slash);
            if (first.contains(".") || first.contains(":") || first.equals("localhost")) {
                registry = first;
                rest = rest.substring(slash + 1);
            }
        }
        String tag = "latest";
        int at = rest.indexOf('@');
        int colon = rest.lastIndexOf(':');
        if (at >= 0) {
            tag = rest.substring(at);
            rest = rest.substring(0, at);
        } else if (colon > rest.lastIndexOf('/')) {
            tag = rest.substring(colon + 1);
            rest = rest.substring(0, colon);
        }
        if (registry.equals(DOCKER_HUB) && !rest.contains("/")) {
            rest = "library/" + rest;
        }
        return new ImageReference(registry, rest, tag);
    }

    /**
     * Pulls Docker Hub images through a mirror, as Docker's own registry-mirrors setting does; images
     * from other registries are left alone.
     */
    public ImageReference throughMirror(String mirror) {
        if (mirror == null || mirror.isBlank() || !registry.equals(DOCKER_HUB)) {
            return this;
        }
        String m = mirror.replaceFirst("^https?://", "").replaceAll("/+$", "");
        int slash = m.indexOf('/');
        return slash < 0
                ? new ImageReference(m, repository, tag)
                : new ImageReference(m.substring(0, slash), m.substring(slash + 1) + "/" + repository, tag);
    }

    @Override
    public String toString() {
        return registry + "/" + repository + (tag.startsWith("@") ? tag : ":" + tag);
    }
}
