package dev.outpost.stack.inference;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a model runs, and why, in words for the user.
 *
 * @param where    LOCAL or REMOTE
 * @param reason   one sentence ending in "→ local" or "→ remote on NAME (...)"
 * @param warnings things the user should know although the decision stands (CPU only, may not fit, fallback)
 * @param target   the InferenceTarget's name when REMOTE
 */
public record PlacementDecision(Where where, String reason, List<String> warnings, Optional<String> target) {
    public enum Where { LOCAL, REMOTE }

    public PlacementDecision {
        Objects.requireNonNull(where, "where");
        Objects.requireNonNull(reason, "reason");
        warnings = List.copyOf(warnings);
        Objects.requireNonNull(target, "target");
        if ((where == Where.REMOTE) != target.isPresent()) {
            throw new IllegalArgumentException("a target is named exactly when the decision is REMOTE");
        }
    }

    static PlacementDecision local(String reason, List<String> warnings) {
        return new PlacementDecision(Where.LOCAL, reason, warnings, Optional.empty());
    }

    static PlacementDecision remote(String reason, List<String> warnings, String target) {
        return new PlacementDecision(Where.REMOTE, reason, warnings, Optional.of(target));
    }
}
