package dev.outpost.stack.platform;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The parts of the host a probe may read: OS, environment variables and home directory.
 * Passed in rather than read from {@link System} so tests can describe any machine.
 */
public final class HostEnvironment {
    private final OperatingSystem os;
    private final Map<String, String> env;
    private final Path home;

    public HostEnvironment(OperatingSystem os, Map<String, String> env, Path home) {
        this.os = os;
        // Windows variable names are case-insensitive; elsewhere they are not.
        Map<String, String> copy = os == OperatingSystem.WINDOWS
                ? new TreeMap<>(String.CASE_INSENSITIVE_ORDER)
                : new TreeMap<>();
        copy.putAll(env);
        this.env = copy;
        this.home = home;
    }

    public static HostEnvironment current() {
        return new HostEnvironment(OperatingSystem.current(), System.getenv(), Path.of(System.getProperty("user.home")));
    }

    public OperatingSystem os() {
        return os;
    }

    public Path home() {
        return home;
    }

    /** A variable's value; an empty value counts as unset, as most tools treat it. */
    public Optional<String> get(String name) {
        String v = env.get(name);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v);
    }

    public Map<String, String> variables() {
        return Map.copyOf(env);
    }

    /** A copy with some variables set (a null value removes one). */
    public HostEnvironment with(Map<String, String> changes) {
        Map<String, String> next = new TreeMap<>(env);
        changes.forEach((k, v) -> {
            if (v == null) {
                next.remove(k);
            } else {
                next.put(k, v);
            }
        });
        return new HostEnvironment(os, next, home);
    }

    /** Looks an executable up on PATH the way a shell would (PATHEXT on Windows). */
    public Optional<Path> findExecutable(String name) {
        String path = get("PATH").orElse("");
        List<String> suffixes = os == OperatingSystem.WINDOWS
                ? List.of(get("PATHEXT").orElse(".COM;.EXE;.BAT;.CMD").toLowerCase(Locale.ROOT).split(";"))
                : List.of("");
        String separator = os == OperatingSystem.WINDOWS ? ";" : File.pathSeparator;
        for (String dir : path.split(separator)) {
            if (dir.isBlank()) {
                continue;
            }
            for (String suffix : suffixes) {
                Path candidate = Path.of(dir).resolve(name + suffix);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }
}
