package dev.outpost.desktop.cli;

/** What {@code outpost}'s exit status means; documented in the README. */
public final class ExitCodes {
    /** The command did what was asked (for doctor: everything the chosen runtime needs is there). */
    public static final int OK = 0;
    /** The command ran and failed, or found a problem. */
    public static final int FAILURE = 1;
    /** The command line was wrong: unknown command or option, bad value. */
    public static final int USAGE = 2;

    private ExitCodes() {
    }
}
