package dev.outpost.stack.cluster;

import dev.outpost.stack.process.Command;
import dev.outpost.stack.process.ProcessResult;
import dev.outpost.stack.process.ProcessRunner;
import dev.outpost.stack.process.ProcessStartException;
import dev.outpost.stack.process.ProcessTimeoutException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Runs one cluster CLI through the process runner: lines stream to the listener as they come, steps are
 * picked out of them by the tool's own parser, and a failure becomes a {@link ClusterException} that
 * carries the tool's words and the advice for them.
 */
public final class ToolInvoker {
    private static final int KEPT_LINES = 40;

    private final ProcessRunner runner;
    private final Path executable;
    private final Map<String, String> environment;
    private final Function<String, Optional<String>> stepOf;
    private final Function<List<String>, Optional<String>> errorOf;

    /**
     * @param stepOf  the step a progress line announces, if it announces one
     * @param errorOf the tool's one-line error in its output, if it printed one
     */
    public ToolInvoker(ProcessRunner runner, Path executable, Map<String, String> environment,
                       Function<String, Optional<String>> stepOf, Function<List<String>, Optional<String>> errorOf) {
        this.runner = runner;
        this.executable = executable;
        this.environment = Map.copyOf(environment);
        this.stepOf = stepOf;
        this.errorOf = errorOf;
    }

    public Path executable() {
        return executable;
    }

    public ProcessResult run(ClusterListener listener, Duration timeout, List<String> args) throws InterruptedException {
        return run(listener, timeout, args, null);
    }

    /** Runs and requires exit code 0; {@code stdin} may be null. */
    public ProcessResult run(ClusterListener listener, Duration timeout, List<String> args, byte[] stdin)
            throws InterruptedException {
        List<String> argv = new ArrayList<>();
        argv.add(executable.toString());
        argv.addAll(args);
        Command command = Command.of(argv).withEnv(environment).withTimeout(timeout);
        if (stdin != null) {
            command = command.withStdin(stdin);
        }
        List<String> seen = Collections.synchronizedList(new ArrayList<>());
        ProcessResult result;
        try {
            result = runner.start(command, (stream, raw) -> {
                String line = KnownFailures.stripAnsi(raw);
                seen.add(line);
                listener.line(line);
                stepOf.apply(line).ifPresent(listener::step);
            }).await();
        } catch (ProcessStartException e) {
            throw new ClusterException(ClusterFailure.TOOL_MISSING, executable.getFileName() + " could not be started: "
                    + e.getMessage(), command.display(), List.of(), e);
        } catch (ProcessTimeoutException e) {
            throw new ClusterException(ClusterFailure.TIMED_OUT, executable.getFileName() + " did not finish within "
                    + timeout.toSeconds() + " s", command.display(), tail(seen), e);
        }
        if (!result.succeeded()) {
            List<String> out = tail(seen);
            ClusterFailure failure = KnownFailures.classify(out).orElse(ClusterFailure.FAILED);
            String message = errorOf.apply(out).orElse(executable.getFileName() + " exited with " + result.exitCode());
            throw new ClusterException(failure, message, command.display(), out, null);
        }
        return result;
    }

    private static List<String> tail(List<String> lines) {
        synchronized (lines) {
            return List.copyOf(lines.subList(Math.max(0, lines.size() - KEPT_LINES), lines.size()));
        }
    }
}
