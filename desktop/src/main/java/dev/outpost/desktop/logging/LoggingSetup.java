package dev.outpost.desktop.logging;

import dev.outpost.stack.platform.HostEnvironment;
import dev.outpost.stack.settings.AppDirectories;
import java.io.IOException;
import java.util.List;

/**
 * Points logback (configured by logback.xml) at the state directory's logs folder and picks how
 * much reaches stderr. Must run before the first logger is created, so Main calls it first.
 */
public final class LoggingSetup {
    static final String DIR_PROPERTY = "outpost.log.dir";
    static final String STDERR_LEVEL_PROPERTY = "outpost.log.stderr";

    private LoggingSetup() {
    }

    public static void forDesktop() {
        configure("INFO");
    }

    /** The CLI keeps stderr for warnings and errors unless --verbose asks for more. */
    public static void forCli(String[] args) {
        List<String> a = List.of(args);
        configure(a.contains("--verbose") || a.contains("-v") ? "DEBUG" : "WARN");
    }

    private static void configure(String stderrLevel) {
        if (System.getProperty(DIR_PROPERTY) == null) {
            AppDirectories dirs = AppDirectories.forHost(HostEnvironment.current());
            try {
                dirs.ensureCreated();
                System.setProperty(DIR_PROPERTY, dirs.logs().toString());
            } catch (IOException e) {
                // No writable state directory: log to stderr only rather than refuse to start.
                System.setProperty(DIR_PROPERTY, System.getProperty("java.io.tmpdir"));
            }
        }
        System.setProperty(STDERR_LEVEL_PROPERTY, stderrLevel);
    }
}
