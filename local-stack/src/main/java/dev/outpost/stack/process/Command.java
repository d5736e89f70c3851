package dev.outpost.stack.process;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One child process to run: an argument list (never a shell string), extra environment,
 * a working directory, bytes for its stdin and a timeout. Immutable; the {@code with*} methods return copies.
 */
public final class Command {
    /** Used when a caller sets none: no CLI Outpost drives should take longer without saying so. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);

    private static final Pattern SAFE_WORD = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");

    private final List<String> argv;
    private final Map<String, String> environment;
    private final Path workingDirectory;
    private final Duration timeout;
    private final byte[] stdin;

    private Command(List<String> argv, Map<String, String> environment, Path workingDirectory, Duration timeout,
                    byte[] stdin) {
        if (argv.isEmpty()) {
            throw new IllegalArgumentException("a command needs at least the program");
        }
        argv.forEach(a -> Objects.requireNonNull(a, "argument"));
        this.argv = List.copyOf(argv);
        this.environment = Map.copyOf(environment);
        this.workingDirectory = workingDirectory;
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.stdin = stdin;
    }

    public static Command of(String program, String... args) {
        List<String> argv = new ArrayList<>();
        argv.add(program);
        argv.addAll(List.of(args));
        return new Command(argv, Map.of(), null, DEFAULT_TIMEOUT, null);
    }

    public static Command of(List<String> argv) {
        return new Command(argv, Map.of(), null, DEFAULT_TIMEOUT, null);
    }

    public Command withArgs(String... more) {
        List<String> next = new ArrayList<>(argv);
        next.addAll(List.of(more));
        return new Command(next, environment, workingDirectory, timeout, stdin);
    }

    /** Adds or overrides variables on top of the inherited environment. */
    public Command withEnv(String name, String value) {
        Map<String, String> next = new LinkedHashMap<>(environment);
        next.put(name, value);
        return new Command(argv, next, workingDirectory, timeout, stdin);
    }

    public Command withEnv(Map<String, String> vars) {
        Map<String, String> next = new LinkedHashMap<>(environment);
        next.putAll(vars);
        return new Command(argv, next, workingDirectory, timeout, stdin);
    }

    public Command inDirectory(Path dir) {
        return new Command(argv, environment, dir, timeout, stdin);
    }

    public Command withTimeout(Duration t) {
        return new Command(argv, environment, workingDirectory, t, stdin);
    }

    /**
     * Bytes written to the child's stdin, which is then closed. Without them the child sees end of input at
     * once. They are copied, and never shown by {@link #display()}: credential helpers and
     * {@code --password-stdin} take secrets this way.
     */
    public Command withStdin(byte[] input) {
        return new Command(argv, environment, workingDirectory, timeout, input.clone());
    }

    public List<String> argv() {
        return argv;
    }

    public String program() {
        return argv.getFirst();
    }

    public Map<String, String> environment() {
        return environment;
    }

    public Optional<Path> workingDirectory() {
        return Optional.ofNullable(workingDirectory);
    }

    public Duration timeout() {
        return timeout;
    }

    /** A copy of the bytes for stdin, if any were given. */
    public Optional<byte[]> stdin() {
        return Optional.ofNullable(stdin).map(byte[]::clone);
    }

    /**
     * The command as a user would paste it into a POSIX shell. Environment values and stdin are left out on
     * purpose: that is where tokens travel.
     */
    public String display() {
        return argv.stream().map(Command::quote).collect(Collectors.joining(" "));
    }

    static String quote(String word) {
        if (!word.isEmpty() && SAFE_WORD.matcher(word).matches()) {
            return word;
        }
        return "'" + word.replace("'", "'\"'\"'") + "'";
    }

    @Override
    public String toString() {
        return display();
    }
}
