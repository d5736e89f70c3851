package dev.outpost.stack.inference;

import dev.outpost.stack.process.UnexpectedOutputException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@code ollama --version} reports. The CLI asks the running server for its version, so the
 * output describes both: {@code ollama version is 0.32.15} is the server, and a
 * {@code Warning: client version is ...} line follows only when the CLI differs from it (or when no
 * server answered, after {@code Warning: could not connect to a running Ollama instance}).
 *
 * @param clientVersion the CLI's own version
 * @param serverVersion the running server's version; empty when none answered
 */
public record OllamaCliVersion(String clientVersion, Optional<String> serverVersion) {
    private static final Pattern SERVER = Pattern.compile("ollama version is (\\S+)");
    private static final Pattern CLIENT = Pattern.compile("Warning: client version is (\\S+)");
    private static final String EXPECTED = "\"ollama version is <version>\" or \"Warning: client version is <version>\"";

    public static OllamaCliVersion parse(String stdout) {
        String server = null;
        String client = null;
        for (String line : (stdout == null ? "" : stdout).lines().map(String::strip).toList()) {
            Matcher s = SERVER.matcher(line);
            Matcher c = CLIENT.matcher(line);
            if (s.matches()) {
                server = s.group(1);
            } else if (c.matches()) {
                client = c.group(1);
            }
        }
        if (client == null && server == null) {
            throw new UnexpectedOutputException("ollama --version", EXPECTED, stdout);
        }
        // No client warning means the CLI matched the server exactly.
        return new OllamaCliVersion(client != null ? client : server, Optional.ofNullable(server));
    }

    public boolean serverReachable() {
        return serverVersion.isPresent();
    }

    /** Client and server of different versions usually work, but are worth pointing out. */
    public boolean versionsDiffer() {
        return serverVersion.map(s -> !s.equals(clientVersion)).orElse(false);
    }
}
