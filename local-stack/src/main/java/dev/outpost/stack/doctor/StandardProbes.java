package dev.outpost.stack.doctor;

import dev.outpost.stack.platform.HostEnvironment;
import dev.outpost.stack.process.ProcessRunner;
import dev.outpost.stack.settings.AppDirectories;
import java.util.List;

/** The probes {@code outpost doctor} and the Diagnostics screen run, in report order. */
public final class StandardProbes {
    private StandardProbes() {
    }

    public static List<DiagnosticProbe> create(HostEnvironment host, ProcessRunner runner, AppDirectories dirs) {
        return List.of(
                new ContainerEngineCheck(host),
                ToolCheck.kind(host, runner),
                ToolCheck.k3d(host, runner),
                ToolCheck.kubectl(host, runner),
                ToolCheck.ollamaCli(host, runner),
                new OllamaApiCheck(host),
                new GpuCheck(host, runner),
                new SystemCheck(host, dirs.data()));
    }
}
