package dev.outpost.desktop.cli;

import dev.outpost.desktop.AppServices;
import dev.outpost.profiles.Runtime;
import dev.outpost.stack.doctor.DoctorReport;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "doctor",
        description = {"Check this workstation: container engine, kind, k3d, kubectl, Ollama, GPU, memory, disk, proxies.",
            "Exits 0 when everything the chosen runtime needs is there, 1 otherwise."})
final class DoctorCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    OutputOptions output;

    @Option(names = "--runtime", paramLabel = "docker|kind|k3d", converter = RuntimeConverter.class,
            description = "Runtime to check for (default: the one in settings).")
    Runtime runtime;

    private final AppServices services;

    DoctorCommand(AppServices services) {
        this.services = services;
    }

    @Override
    public Integer call() throws Exception {
        Runtime chosen = runtime != null ? runtime : services.settings().load().settings().defaultRuntime();
        DoctorReport report = services.doctor().diagnose(chosen);
        var out = spec.commandLine().getOut();
        if (output.json()) {
            out.println(Json.write(report));
        } else {
            out.print(new DoctorText(Terminal.supportsUnicode()).render(report));
        }
        out.flush();
        return report.ready() ? ExitCodes.OK : ExitCodes.FAILURE;
    }
}
