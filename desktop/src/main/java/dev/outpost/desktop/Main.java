package dev.outpost.desktop;

import dev.outpost.desktop.cli.Cli;
import dev.outpost.desktop.logging.LoggingSetup;
import dev.outpost.desktop.ui.OutpostApp;

/**
 * The one entry point: no arguments opens the window; anything else is a CLI command and no
 * window is created. One exception: a single {@code *.outpost.yaml} file, which is how the desktop's file
 * association (installers) starts Outpost, opens the window too.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        if (args.length == 0 || opensProfileFile(args)) {
            LoggingSetup.forDesktop();
            OutpostApp.launchWindow();
            return;
        }
        LoggingSetup.forCli(args);
        System.exit(Cli.run(args));
    }

    static boolean opensProfileFile(String[] args) {
        return args.length == 1 && args[0].endsWith(".outpost.yaml") && !args[0].startsWith("-");
    }
}
