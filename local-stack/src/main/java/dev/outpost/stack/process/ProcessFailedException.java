package dev.outpost.stack.process;

/** The child ran and exited with a non-zero code; carries the exit code and the tail of stderr. */
public final class ProcessFailedException extends ProcessException {
    private final transient ProcessResult result;

    public ProcessFailedException(ProcessResult result) {
        super(result.command(), message(result), null);
        this.result = result;
    }

    private static String message(ProcessResult r) {
        StringBuilder b = new StringBuilder("command \"")
                .append(r.command().display())
                .append("\" failed with exit code ")
                .append(r.exitCode());
        if (!r.stderrTail().isEmpty()) {
            b.append(":\n").append(r.stderrText());
        }
        return b.toString();
    }

    public int exitCode() {
        return result.exitCode();
    }

    public ProcessResult result() {
        return result;
    }
}
