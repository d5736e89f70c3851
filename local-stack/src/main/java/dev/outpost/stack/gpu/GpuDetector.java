package dev.outpost.stack.gpu;

import dev.outpost.stack.platform.HostEnvironment;
import dev.outpost.stack.platform.OperatingSystem;
import dev.outpost.stack.process.ProcessRunner;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the GPU models can run on: Apple Silicon on macOS, NVIDIA through nvidia-smi elsewhere.
 * Never throws for a missing or broken GPU; that is what {@link GpuDetection} describes.
 */
public final class GpuDetector {
    private final HostEnvironment env;
    private final ProcessRunner runner;

    public GpuDetector(HostEnvironment env, ProcessRunner runner) {
        this.env = env;
        this.runner = runner;
    }

    public OperatingSystem os() {
        return env.os();
    }

    public GpuDetection detect() throws InterruptedException {
        if (env.os() == OperatingSystem.MACOS) {
            return new MacGpuProbe(env, runner).detect();
        }
        Optional<Path> smi = env.findExecutable("nvidia-smi");
        if (smi.isEmpty()) {
            // nvidia-smi is installed with the driver, so its absence means no NVIDIA driver.
            return new GpuDetection.None("nvidia-smi is not on PATH, so no NVIDIA driver is installed.");
        }
        return new NvidiaSmi(runner, smi.get(), env.os()).query();
    }
}
