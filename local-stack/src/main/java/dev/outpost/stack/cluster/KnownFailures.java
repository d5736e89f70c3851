package dev.outpost.stack.cluster;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The messages kind, k3d and the engine underneath them print for failures a user can fix, mapped to a
 * {@link ClusterFailure}. Order matters: the first match wins, and an engine that is down explains
 * everything after it.
 */
public final class KnownFailures {
    private record Rule(Pattern pattern, ClusterFailure failure) {
    }

    private static final List<Rule> RULES = List.of(
            rule("Cannot connect to the Docker daemon|Is the docker daemon running|failed to get docker info"
                    + "|error during connect|docker failed to get containers", ClusterFailure.ENGINE_NOT_RUNNING),
            rule("node\\(s\\) already exist for a cluster with the name|because a cluster with that name already exists",
                    ClusterFailure.ALREADY_EXISTS),
            rule("port is already allocated|address already in use", ClusterFailure.PORT_IN_USE),
            rule("failed to pull image|pull access denied|manifest unknown|not found: manifest|No such image",
                    ClusterFailure.NODE_IMAGE_NOT_FOUND),
            rule("could not locate any control plane nodes|No nodes found for given cluster|failed to get cluster",
                    ClusterFailure.NOT_FOUND));

    private static final Pattern ANSI = Pattern.compile("\u001B\\[[0-9;]*m");

    private KnownFailures() {
    }

    private static Rule rule(String regex, ClusterFailure failure) {
        return new Rule(Pattern.compile(regex), failure);
    }

    public static Optional<ClusterFailure> classify(List<String> output) {
        for (Rule r : RULES) {
            if (output.stream().anyMatch(l -> r.pattern.matcher(l).find())) {
                return Optional.of(r.failure);
            }
        }
        return Optional.empty();
    }

    public static String stripAnsi(String line) {
        return ANSI.matcher(line).replaceAll("");
    }
}
