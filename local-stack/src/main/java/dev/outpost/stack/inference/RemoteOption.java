package dev.outpost.stack.inference;

import dev.outpost.profiles.model.InferenceTarget;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The remote target placement may choose, with whether it answered just now. Reachability is found by the
 * caller (the Ollama or OpenAI client), so placement itself does no network I/O and is easy to test.
 *
 * @param name      the InferenceTarget's name
 * @param gpuType   e.g. {@code nvidia-l4}
 * @param memoryGiB memory of one of its GPUs
 * @param reachable whether it answered a health request
 */
public record RemoteOption(String name, Optional<String> gpuType, OptionalInt memoryGiB, boolean reachable) {
    public RemoteOption {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(gpuType, "gpuType");
        Objects.requireNonNull(memoryGiB, "memoryGiB");
    }

    public static RemoteOption of(InferenceTarget target, boolean reachable) {
        InferenceTarget.Gpu gpu = target.spec().gpu();
        return new RemoteOption(target.metadata().name(),
                gpu == null ? Optional.empty() : Optional.ofNullable(gpu.type()),
                gpu == null || gpu.memoryGiB() == null ? OptionalInt.empty() : OptionalInt.of(gpu.memoryGiB()),
                reachable);
    }

    /** {@code gke-l4 (nvidia-l4, 24 GiB)}, leaving out what is not known. */
    public String describe() {
        String details = gpuType.orElse("")
                + (memoryGiB.isPresent() ? (gpuType.isPresent() ? ", " : "") + memoryGiB.getAsInt() + " GiB" : "");
        return details.isEmpty() ? name : name + " (" + details + ")";
    }
}
