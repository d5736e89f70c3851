package dev.outpost.stack.inference;

import dev.outpost.stack.gpu.GpuDetection;
import dev.outpost.stack.gpu.GpuInfo;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

/**
 * What this machine can give a model: the free memory of its best GPU. Empty (see {@link #of}) when models
 * would run on the CPU.
 *
 * @param gpu        short display name, e.g. {@code RTX 4090}
 * @param freeBytes  memory a model may use
 * @param unified    Apple Silicon: {@code freeBytes} is a share of memory shared with the CPU
 * @param totalBytes installed memory, for messages (the unified pool on Apple Silicon)
 */
record LocalCapacity(String gpu, long freeBytes, boolean unified, long totalBytes) {
    static final long MIB = 1024L * 1024;

    /**
     * Share of unified memory a model may take on Apple Silicon. macOS lets the GPU wire about three
     * quarters of RAM by default (Metal's recommendedMaxWorkingSetSize), and the rest is the system's and the
     * apps'. Free memory cannot be read as for a GPU, so this is an upper bound, not a measurement.
     */
    static final double APPLE_UNIFIED_SHARE = 0.75;

    /** Empty when there is no usable GPU, or the driver gave no memory figures to judge by. */
    static Optional<LocalCapacity> of(GpuDetection detection) {
        return switch (detection) {
            case GpuDetection.Nvidia n -> n.gpus().stream()
                    .filter(g -> free(g).isPresent())
                    // Ollama can split a model over several GPUs; counting only the best one keeps the rule
                    // conservative and the message simple.
                    .max(Comparator.comparingLong(g -> free(g).orElseThrow()))
                    .map(g -> new LocalCapacity(shortName(g.label()), free(g).orElseThrow() * MIB, false,
                            g.memoryTotalMib().orElse(free(g).orElseThrow()) * MIB));
            case GpuDetection.AppleSilicon a -> a.unifiedMemoryBytes().isPresent()
                    ? Optional.of(new LocalCapacity(a.name(),
                            (long) (a.unifiedMemoryBytes().getAsLong() * APPLE_UNIFIED_SHARE), true,
                            a.unifiedMemoryBytes().getAsLong()))
                    : Optional.empty();
            case GpuDetection.None ignored -> Optional.empty();
            case GpuDetection.Failed ignored -> Optional.empty();
        };
    }

    /** nvidia-smi may leave out memory.free ([N/A]); total minus used is the next best figure. */
    private static Optional<Long> free(GpuInfo g) {
        if (g.memoryFreeMib().isPresent()) {
            return Optional.of(g.memoryFreeMib().getAsLong());
        }
        if (g.memoryTotalMib().isPresent() && g.memoryUsedMib().isPresent()) {
            return Optional.of(Math.max(0, g.memoryTotalMib().getAsLong() - g.memoryUsedMib().getAsLong()));
        }
        return Optional.empty();
    }

    /** {@code NVIDIA GeForce RTX 4090} reads as {@code RTX 4090} in a sentence. */
    static String shortName(String name) {
        return name.replaceFirst("^NVIDIA\\s+", "").replaceFirst("^GeForce\\s+", "");
    }

    /** Why a detection gives no capacity, for "no GPU here (...)". */
    static String whyNone(GpuDetection detection) {
        return switch (detection) {
            case GpuDetection.None n -> n.reason();
            case GpuDetection.Failed f -> "the GPU driver is not working: " + f.message();
            case GpuDetection.AppleSilicon a -> "the memory size of the " + a.name() + " could not be read";
            case GpuDetection.Nvidia n -> "nvidia-smi reported no memory figures";
        };
    }

    static String gib(long bytes) {
        return String.format(Locale.ROOT, "%.1f GiB", bytes / (double) (1024 * MIB));
    }
}
