package dev.outpost.stack.gpu;

import dev.outpost.stack.platform.OperatingSystem;
import dev.outpost.stack.process.OutputExcerpt;
import dev.outpost.stack.process.ProcessResult;
import dev.outpost.stack.process.ProcessStartException;
import dev.outpost.stack.process.UnexpectedOutputException;
import java.time.Duration;
import java.util.stream.Stream;

/**
 * Turns a failed nvidia-smi run into advice. The exit codes come from NVIDIA's man page, but which
 * stream carries the message is not documented and code 18 is not in the table at all, so the
 * well-known messages are matched on stdout and stderr together as well.
 */
final class NvidiaSmiFailures {
    private static final int TAIL_LINES = 3;
    private static final int TAIL_CHARS = 300;

    private final OperatingSystem os;

    NvidiaSmiFailures(OperatingSystem os) {
        this.os = os;
    }

    GpuDetection classify(ProcessResult r) {
        String text = String.join("\n", Stream.concat(r.stdout().stream(), r.stderrTail().stream()).toList());
        int code = r.exitCode();
        if (text.contains("Driver/library version mismatch") || code == 18) {
            return new GpuDetection.Failed("The NVIDIA driver and its library have different versions "
                    + "(the driver was updated and the old one is still loaded).",
                    "Restart the computer so the updated NVIDIA driver is loaded.");
        }
        if (text.contains("No devices were found") || code == 6) {
            return new GpuDetection.None("The NVIDIA driver is installed but sees no GPU.");
        }
        if (text.contains("couldn't communicate with the NVIDIA driver") || code == 9) {
            return new GpuDetection.Failed("nvidia-smi cannot reach the NVIDIA driver: it is not loaded.",
                    driverNotLoadedHint());
        }
        return switch (code) {
            case 2 -> new GpuDetection.Failed("nvidia-smi rejected the query: " + tail(text),
                    "The NVIDIA driver is probably too old for this query; update it. " + driverInstallHint());
            case 4 -> new GpuDetection.Failed("nvidia-smi was denied access to the GPU.",
                    os == OperatingSystem.LINUX
                            ? "Check that your user may open /dev/nvidia* (often by joining the video group)."
                            : "Run Outpost as a user allowed to use the GPU.");
            case 12 -> new GpuDetection.Failed("nvidia-smi could not load the NVML library.",
                    "Reinstall the NVIDIA driver. " + driverInstallHint());
            case 15 -> new GpuDetection.Failed("The GPU has fallen off the bus or become inaccessible.",
                    "Restart the computer; if it happens again, check the GPU's seating and power cables.");
            default -> new GpuDetection.Failed("nvidia-smi failed with exit code " + code
                    + (text.isBlank() ? "" : ": " + tail(text)),
                    "Run `nvidia-smi` in a terminal to see the full error.");
        };
    }

    GpuDetection couldNotStart(ProcessStartException e) {
        return new GpuDetection.Failed(e.getMessage(), "Reinstall the NVIDIA driver. " + driverInstallHint());
    }

    GpuDetection timedOut(Duration timeout) {
        return new GpuDetection.Failed("nvidia-smi did not answer within " + timeout.toSeconds() + " s.",
                "The driver may be hung: restart the computer. If queries are merely slow on Linux, "
                        + "`sudo nvidia-smi -pm 1` (persistence mode) keeps the driver loaded.");
    }

    GpuDetection unreadable(UnexpectedOutputException e) {
        return new GpuDetection.Failed("nvidia-smi answered in a form Outpost cannot read: " + e.getMessage(),
                "Update the NVIDIA driver; if that does not help, report this output to Outpost.");
    }

    private String driverNotLoadedHint() {
        return switch (os) {
            case LINUX -> "Install the NVIDIA driver for your distribution (Ubuntu: `sudo ubuntu-drivers install`) "
                    + "and restart; `lsmod | grep nvidia` should list it. Inside a container, start it with "
                    + "`--gpus=all` and the NVIDIA Container Toolkit.";
            case WINDOWS -> "Reinstall the NVIDIA driver from https://www.nvidia.com/Download/index.aspx and restart.";
            case MACOS -> "macOS has no NVIDIA driver; remove the stale nvidia-smi from PATH.";
        };
    }

    private String driverInstallHint() {
        return switch (os) {
            case LINUX -> "Use your distribution's NVIDIA driver packages (Ubuntu: `sudo ubuntu-drivers install`).";
            case WINDOWS -> "Get it from https://www.nvidia.com/Download/index.aspx.";
            case MACOS -> "macOS has no NVIDIA driver.";
        };
    }

    private static String tail(String text) {
        return OutputExcerpt.tail(text.lines().toList(), TAIL_LINES, TAIL_CHARS);
    }
}
