package dev.outpost.stack.gpu;

import dev.outpost.stack.platform.OperatingSystem;
import dev.outpost.stack.process.Command;
import dev.outpost.stack.process.ProcessResult;
import dev.outpost.stack.process.ProcessRunner;
import dev.outpost.stack.process.ProcessStartException;
import dev.outpost.stack.process.ProcessTimeoutException;
import dev.outpost.stack.process.UnexpectedOutputException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Asks one nvidia-smi binary about the NVIDIA GPUs it can see. */
public final class NvidiaSmi {
    /** The exact arguments run, after the program. */
    public static final List<String> QUERY_ARGS = List.of(
            "--query-gpu=" + String.join(",", NvidiaSmiCsvParser.FIELDS),
            "--format=csv,noheader,nounits");

    /** A healthy driver answers in well under a second; a hung one would otherwise stall the doctor. */
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    private final ProcessRunner runner;
    private final Path executable;
    private final NvidiaSmiFailures failures;
    private final Duration timeout;

    public NvidiaSmi(ProcessRunner runner, Path executable, OperatingSystem os) {
        this(runner, executable, os, DEFAULT_TIMEOUT);
    }

    NvidiaSmi(ProcessRunner runner, Path executable, OperatingSystem os, Duration timeout) {
        this.runner = runner;
        this.executable = executable;
        this.failures = new NvidiaSmiFailures(os);
        this.timeout = timeout;
    }

    public Command command() {
        return Command.of(executable.toString()).withArgs(QUERY_ARGS.toArray(String[]::new)).withTimeout(timeout);
    }

    /** Never throws for a broken driver: that is a {@link GpuDetection.Failed}. */
    public GpuDetection query() throws InterruptedException {
        ProcessResult result;
        try {
            result = runner.run(command());
        } catch (ProcessStartException e) {
            return failures.couldNotStart(e);
        } catch (ProcessTimeoutException e) {
            return failures.timedOut(timeout);
        }
        if (!result.succeeded()) {
            return failures.classify(result);
        }
        try {
            List<GpuInfo> gpus = NvidiaSmiCsvParser.parse(result.stdoutText());
            return gpus.isEmpty() ? new GpuDetection.None("nvidia-smi listed no GPUs") : new GpuDetection.Nvidia(gpus);
        } catch (UnexpectedOutputException e) {
            return failures.unreadable(e);
        }
    }
}
