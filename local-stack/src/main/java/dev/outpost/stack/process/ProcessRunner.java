package dev.outpost.stack.process;

/**
 * The one way Outpost runs external programs (kind, k3d, kubectl, ollama, nvidia-smi, ...).
 * Tests substitute a double that checks the exact argument list.
 */
public interface ProcessRunner {

    /**
     * Starts the command; its stdout and stderr are delivered line by line to {@code listener}.
     *
     * @throws ProcessStartException if the program cannot be started
     */
    RunningProcess start(Command command, OutputListener listener);

    /** Runs to the end and returns the result whatever the exit code. */
    default ProcessResult run(Command command) throws InterruptedException {
        return start(command, OutputListener.NONE).await();
    }

    /** Runs to the end; a non-zero exit becomes a {@link ProcessFailedException}. */
    default ProcessResult runChecked(Command command) throws InterruptedException {
        return run(command).requireSuccess();
    }
}
