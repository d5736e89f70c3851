package dev.outpost.stack.environment;

import java.util.Optional;

/**
 * @param keepOnFailure  leave what a failed `up` created, for inspection, instead of rolling it back
 * @param registryMirror the company mirror from Settings ({@code host[:port][/path]}): images in the plan already
 *                       name it; a new local cluster also sends its own docker.io pulls there
 */
public record UpOptions(boolean keepOnFailure, Optional<String> registryMirror) {
    public UpOptions {
        registryMirror = registryMirror.filter(m -> !m.isBlank());
    }

    public UpOptions(boolean keepOnFailure) {
        this(keepOnFailure, Optional.empty());
    }

    public static UpOptions defaults() {
        return new UpOptions(false);
    }

    public UpOptions withRegistryMirror(String mirror) {
        return new UpOptions(keepOnFailure, Optional.ofNullable(mirror));
    }
}
