package dev.outpost.stack.doctor;

import dev.outpost.stack.platform.HostEnvironment;
import dev.outpost.stack.process.Command;
import dev.outpost.stack.process.OutputExcerpt;
import dev.outpost.stack.process.ProcessResult;
import dev.outpost.stack.process.ProcessRunner;
import dev.outpost.stack.process.ProcessStartException;
import dev.outpost.stack.process.ProcessTimeoutException;
import dev.outpost.stack.process.UnexpectedOutputException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Is a command-line tool installed, and does it work? Looks the tool up on the host's PATH, runs its
 * version command by absolute path (the runner would otherwise search the JVM's PATH, not the host's)
 * and reads the answer.
 */
public final class ToolCheck implements DiagnosticProbe {
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    private static final int TAIL_LINES = 3;
    private static final int TAIL_CHARS = 300;

    private final ToolSpec spec;
    private final HostEnvironment env;
    private final ProcessRunner runner;
    private final Duration timeout;

    public ToolCheck(ToolSpec spec, HostEnvironment env, ProcessRunner runner) {
        this(spec, env, runner, DEFAULT_TIMEOUT);
    }

    ToolCheck(ToolSpec spec, HostEnvironment env, ProcessRunner runner, Duration timeout) {
        this.spec = spec;
        this.env = env;
        this.runner = runner;
        this.timeout = timeout;
    }

    public static ToolCheck kind(HostEnvironment env, ProcessRunner runner) {
        return new ToolCheck(ToolSpec.kind(), env, runner);
    }

    public static ToolCheck k3d(HostEnvironment env, ProcessRunner runner) {
        return new ToolCheck(ToolSpec.k3d(), env, runner);
    }

    public static ToolCheck kubectl(HostEnvironment env, ProcessRunner runner) {
        return new ToolCheck(ToolSpec.kubectl(), env, runner);
    }

    public static ToolCheck ollamaCli(HostEnvironment env, ProcessRunner runner) {
        return new ToolCheck(ToolSpec.ollamaCli(), env, runner);
    }

    @Override
    public String id() {
        return spec.id();
    }

    @Override
    public Check run() throws InterruptedException {
        Optional<Path> exe = env.findExecutable(spec.executable());
        if (exe.isEmpty()) {
            return Check.of(spec.id(), spec.title(), CheckStatus.MISSING,
                    spec.title() + " is not installed (`" + spec.executable() + "` was not found on PATH)",
                    Map.of(), spec.install().forOs(env.os()));
        }
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("path", exe.get().toString());
        Command command = Command.of(exe.get().toString())
                .withArgs(spec.versionArgs().toArray(String[]::new))
                .withTimeout(timeout);
        ProcessResult result;
        try {
            result = runner.run(command);
        } catch (ProcessStartException e) {
            return failed("`" + spec.versionCommand() + "` could not be started: " + e.getMessage(), facts);
        } catch (ProcessTimeoutException e) {
            return failed("`" + spec.versionCommand() + "` did not answer within " + timeout.toSeconds() + " s", facts);
        }
        if (!result.succeeded()) {
            facts.put("output", OutputExcerpt.errorTail(result, TAIL_LINES, TAIL_CHARS));
            return failed("`" + spec.versionCommand() + "` failed with exit code " + result.exitCode(), facts);
        }
        Map<String, String> version;
        try {
            version = spec.reader().read(result.stdoutText());
        } catch (UnexpectedOutputException e) {
            facts.put("output", OutputExcerpt.tail(result.stdout(), TAIL_LINES, TAIL_CHARS));
            return failed("`" + spec.versionCommand() + "` printed something Outpost cannot read", facts);
        }
        Map<String, String> all = new LinkedHashMap<>(version);
        all.putAll(facts);
        return Check.ok(spec.id(), spec.title(), spec.title() + " " + version.get(ToolSpec.VERSION), all);
    }

    private Check failed(String summary, Map<String, String> facts) {
        return Check.of(spec.id(), spec.title(), CheckStatus.FAILED, summary, facts,
                "Run `" + spec.versionCommand() + "` in a terminal to see the full error. If it keeps failing, reinstall. "
                        + spec.install().forOs(env.os()));
    }
}
