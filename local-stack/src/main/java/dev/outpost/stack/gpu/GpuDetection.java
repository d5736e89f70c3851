package dev.outpost.stack.gpu;

import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.OptionalLong;

/** What {@link GpuDetector} found: exactly one of these. */
public sealed interface GpuDetection {

    /** One or more NVIDIA GPUs answered through nvidia-smi. */
    record Nvidia(List<GpuInfo> gpus) implements GpuDetection {
        public Nvidia {
            gpus = List.copyOf(gpus);
            if (gpus.isEmpty()) {
                throw new IllegalArgumentException("an NVIDIA detection needs at least one GPU; use None");
            }
        }
    }

    /**
     * An Apple Silicon GPU, which shares the machine's memory rather than having its own.
     *
     * @param name               e.g. {@code Apple M3 Max}
     * @param cores              GPU core count, when macOS reports it
     * @param unifiedMemoryBytes the memory the GPU shares with the CPU, when it could be read
     */
    record AppleSilicon(String name, OptionalInt cores, OptionalLong unifiedMemoryBytes) implements GpuDetection {
        public AppleSilicon {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(cores, "cores");
            Objects.requireNonNull(unifiedMemoryBytes, "unifiedMemoryBytes");
        }
    }

    /** No usable GPU, and nothing is broken: models run on the CPU. */
    record None(String reason) implements GpuDetection {
        public None {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** A GPU driver is present but not working. */
    record Failed(String message, String fixHint) implements GpuDetection {
        public Failed {
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(fixHint, "fixHint");
        }
    }
}
