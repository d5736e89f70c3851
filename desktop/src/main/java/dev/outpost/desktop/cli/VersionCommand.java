package dev.outpost.desktop.cli;

import dev.outpost.desktop.AppInfo;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "version", description = "Print Outpost's version and the Java runtime it runs on.")
final class VersionCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    OutputOptions output;

    record VersionInfo(String name, String version, String java, String os, String arch) {
    }

    @Override
    public Integer call() {
        VersionInfo v = new VersionInfo(AppInfo.NAME, AppInfo.version(), System.getProperty("java.version"),
                System.getProperty("os.name"), System.getProperty("os.arch"));
        var out = spec.commandLine().getOut();
        if (output.json()) {
            out.println(Json.write(v));
        } else {
            out.printf("outpost %s (Java %s, %s %s)%n", v.version(), v.java(), v.os(), v.arch());
        }
        return ExitCodes.OK;
    }
}
