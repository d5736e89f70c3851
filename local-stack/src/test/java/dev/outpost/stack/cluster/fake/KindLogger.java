package dev.outpost.stack.cluster.fake;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** kind's CLI logger in its non-TTY form: program output on stdout, everything else on stderr, {@code -q} mutes stderr. */
final class KindLogger {
    private final PrintStream out;
    private final PrintStream err;
    private final boolean quiet;

    KindLogger(boolean quiet) {
        this.out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true,
                StandardCharsets.UTF_8);
        this.err = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.err), true,
                StandardCharsets.UTF_8);
        this.quiet = quiet;
    }

    /** A log line on stderr; like kind's logger, a newline is added unless the message ends in one. */
    void info(String msg) {
        if (!quiet) {
            err.print(msg.endsWith("\n") ? msg : msg + "\n");
            err.flush();
        }
    }

    void warn(String msg) {
        info(msg);
    }

    /** Program output on stdout. */
    void print(String s) {
        out.print(s);
        out.flush();
    }

    void statusStart(String text) {
        info(" • " + text + "  ...");
    }

    void statusEnd(String text, boolean ok) {
        info((ok ? " ✓ " : " ✗ ") + text);
    }

    /** {@code ERROR: msg}, then the failed child's output after a blank line, as kind's app.Main prints it. */
    void error(KindError e) {
        info("ERROR: " + e.getMessage());
        if (e.commandOutput != null) {
            info("\nCommand Output: " + e.commandOutput);
        }
    }
}
