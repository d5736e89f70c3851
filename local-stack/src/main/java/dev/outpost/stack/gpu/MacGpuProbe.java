package dev.outpost.stack.gpu;

import dev.outpost.stack.platform.HostEnvironment;
import dev.outpost.stack.process.Command;
import dev.outpost.stack.process.OutputExcerpt;
import dev.outpost.stack.process.ProcessException;
import dev.outpost.stack.process.ProcessResult;
import dev.outpost.stack.process.ProcessRunner;
import dev.outpost.stack.process.UnexpectedOutputException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/** Finds an Apple Silicon GPU with {@code system_profiler}, and its shared memory with {@code sysctl}. */
final class MacGpuProbe {
    /** system_profiler can take several seconds on a cold start. */
    private static final Duration PROFILER_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration SYSCTL_TIMEOUT = Duration.ofSeconds(5);

    private final HostEnvironment env;
    private final ProcessRunner runner;

    MacGpuProbe(HostEnvironment env, ProcessRunner runner) {
        this.env = env;
        this.runner = runner;
    }

    GpuDetection detect() throws InterruptedException {
        Optional<Path> profiler = env.findExecutable("system_profiler");
        if (profiler.isEmpty()) {
            return new GpuDetection.Failed("system_profiler was not found on PATH.",
                    "It ships with macOS in /usr/sbin: add /usr/sbin to PATH.");
        }
        List<AppleGpuParser.DisplayGpu> gpus;
        try {
            ProcessResult r = runner.run(Command.of(profiler.get().toString(), "-json", "SPDisplaysDataType")
                    .withTimeout(PROFILER_TIMEOUT));
            if (!r.succeeded()) {
                return new GpuDetection.Failed("system_profiler failed with exit code " + r.exitCode() + ": "
                        + OutputExcerpt.errorTail(r, 3, 300), "Run `system_profiler SPDisplaysDataType` in Terminal.");
            }
            gpus = AppleGpuParser.parseDisplays(r.stdoutText());
        } catch (ProcessException | UnexpectedOutputException e) {
            return new GpuDetection.Failed(e.getMessage(), "Run `system_profiler SPDisplaysDataType` in Terminal.");
        }
        Optional<AppleGpuParser.DisplayGpu> apple = gpus.stream().filter(AppleGpuParser.DisplayGpu::appleSilicon).findFirst();
        if (apple.isEmpty()) {
            String found = gpus.isEmpty() ? "no GPU listed"
                    : gpus.stream().map(AppleGpuParser.DisplayGpu::model).collect(Collectors.joining(", "));
            return new GpuDetection.None("This Mac has no Apple Silicon GPU (" + found + "); Ollama runs models on the CPU.");
        }
        return new GpuDetection.AppleSilicon(apple.get().model(), apple.get().cores(), memsize());
    }

    /** The shared pool is a detail: without it the GPU is still reported. */
    private OptionalLong memsize() throws InterruptedException {
        Optional<Path> sysctl = env.findExecutable("sysctl");
        if (sysctl.isEmpty()) {
            return OptionalLong.empty();
        }
        try {
            ProcessResult r = runner.run(Command.of(sysctl.get().toString(), "-n", "hw.memsize").withTimeout(SYSCTL_TIMEOUT));
            return r.succeeded() ? OptionalLong.of(AppleGpuParser.parseMemsize(r.stdoutText())) : OptionalLong.empty();
        } catch (ProcessException | UnexpectedOutputException e) {
            return OptionalLong.empty();
        }
    }
}
