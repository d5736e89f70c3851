package dev.outpost.stack.cluster;

import java.util.List;

/**
 * A cluster operation that failed, with the reason, the advice and the tool's own last lines.
 * The command is shown as a user could paste it; Outpost never passes secrets on a command line.
 */
public final class ClusterException extends RuntimeException {
    private final ClusterFailure failure;
    private final String command;
    private final List<String> output;

    public ClusterException(ClusterFailure failure, String message, String command, List<String> output, Throwable cause) {
        super(message, cause);
        this.failure = failure;
        this.command = command;
        this.output = List.copyOf(output);
    }

    public ClusterException(ClusterFailure failure, String message) {
        this(failure, message, "", List.of(), null);
    }

    public ClusterFailure failure() {
        return failure;
    }

    public String advice() {
        return failure.advice();
    }

    /** The failed command line, or empty when no tool was run. */
    public String command() {
        return command;
    }

    /** The tool's last output lines, ANSI colour removed. */
    public List<String> output() {
        return output;
    }
}
