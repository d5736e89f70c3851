package dev.outpost.stack.process;

import java.time.Duration;
import java.util.List;

/**
 * How a child ended. {@code stdout} holds its output lines (bounded: very large outputs keep
 * their tail, see {@code stdoutTruncated}); {@code stderrTail} the last lines of stderr.
 */
public record ProcessResult(
        Command command,
        int exitCode,
        List<String> stdout,
        boolean stdoutTruncated,
        List<String> stderrTail,
        Duration elapsed) {

    public ProcessResult {
        stdout = List.copyOf(stdout);
        stderrTail = List.copyOf(stderrTail);
    }

    public boolean succeeded() {
        return exitCode == 0;
    }

    public String stdoutText() {
        return String.join("\n", stdout);
    }

    public String stderrText() {
        return String.join("\n", stderrTail);
    }

    /** Throws {@link ProcessFailedException} unless the exit code was 0. */
    public ProcessResult requireSuccess() {
        if (!succeeded()) {
            throw new ProcessFailedException(this);
        }
        return this;
    }
}
