package dev.outpost.desktop.cli;

import picocli.CommandLine.Option;

/** Mixed into every command so {@code --json} and {@code --verbose} mean the same everywhere. */
public final class OutputOptions {
    @Option(names = "--json", description = "Print the result as JSON on stdout.")
    boolean json;

    @Option(names = {"-v", "--verbose"}, description = "Log details to stderr, and print stack traces of errors.")
    boolean verbose;

    public boolean json() {
        return json;
    }

    public boolean verbose() {
        return verbose;
    }
}
