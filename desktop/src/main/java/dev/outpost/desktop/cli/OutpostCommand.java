package dev.outpost.desktop.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Mixin;

@Command(name = "outpost",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {"Outpost: one-click local environments shaped like the platform.",
            "Run without arguments to open the window."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:Success (doctor: ready for the chosen runtime).", "1:Failure, or a problem found.",
            "2:Invalid command line."},
        subcommands = {DoctorCommand.class, EnvironmentCommands.Up.class, EnvironmentCommands.Status.class,
            EnvironmentCommands.Stop.class, EnvironmentCommands.Start.class, EnvironmentCommands.Down.class,
            EnvironmentCommands.Logs.class, EnvironmentCommands.Env.class, ClusterCommand.class, GpuCommand.class, ModelCommand.class, InferenceCommand.Group.class, InferenceCommand.Gateway.class, CostCommand.class, MonitorCommand.class, ProfileCommand.class, PlatformCommand.class,
            VersionCommand.class, HelpCommand.class})
final class OutpostCommand implements Runnable {
    @Mixin
    OutputOptions output;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        // `outpost --json` alone: nothing to do but say what there is.
        spec.commandLine().usage(spec.commandLine().getErr());
    }
}
