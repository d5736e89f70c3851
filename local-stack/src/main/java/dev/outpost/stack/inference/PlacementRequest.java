package dev.outpost.stack.inference;

import dev.outpost.profiles.model.Profile;
import dev.outpost.stack.gpu.GpuDetection;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Everything placement looks at, gathered by the caller so the decision itself is pure.
 *
 * @param placement     from the profile or the inference settings; null means AUTO
 * @param model         e.g. {@code llama3.1:8b}, for messages
 * @param modelBytes    the model's size as the local Ollama API reports it ({@code /api/tags} size); empty
 *                      when it is not pulled yet
 * @param gpu           what {@code GpuDetector} found
 * @param remote        the chosen remote target, if one is configured
 * @param allowFallback whether a model that should run remotely may run here when the target does not answer
 */
public record PlacementRequest(Profile.Placement placement, String model, OptionalLong modelBytes, GpuDetection gpu,
                               Optional<RemoteOption> remote, boolean allowFallback) {
    public PlacementRequest {
        placement = placement == null ? Profile.Placement.AUTO : placement;
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(modelBytes, "modelBytes");
        Objects.requireNonNull(gpu, "gpu");
        Objects.requireNonNull(remote, "remote");
    }
}
