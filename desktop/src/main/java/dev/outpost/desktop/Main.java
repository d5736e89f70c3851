package dev.outpost.desktop;

import dev.outpost.desktop.cli.Cli;
import dev.outpost.desktop.logging.LoggingSetup;
import dev.outpost.desktop.ui.OutpostApp;

/**
 * The one entry point: no arguments opens the window; anything else is a CLI command and no
 * window is created.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            LoggingSetup.forDesktop();
            OutpostApp.launchWindow();
            return;
        }
        LoggingSetup.forCli(args);
        System.exit(Cli.run(args));
    }
}
