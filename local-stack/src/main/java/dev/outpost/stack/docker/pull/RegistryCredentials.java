package dev.outpost.stack.docker.pull;

import com.github.dockerjava.api.model.AuthConfig;
import dev.outpost.profiles.resolve.ImageReference;
import dev.outpost.stack.platform.HostEnvironment;
import dev.outpost.stack.process.Command;
import dev.outpost.stack.process.OutputExcerpt;
import dev.outpost.stack.process.ProcessException;
import dev.outpost.stack.process.ProcessResult;
import dev.outpost.stack.process.ProcessRunner;
import dev.outpost.stack.secrets.Redaction;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Finds the credentials for a registry the way the docker CLI does, after Outpost's own source:
 * <ol>
 *   <li>the injected source (Outpost's keychain), since what a user gave Outpost is meant for Outpost;</li>
 *   <li>{@code credHelpers[host]} in {@code $DOCKER_CONFIG/config.json}, else {@code credsStore}: runs
 *       {@code docker-credential-<name> get} with the server address on stdin;</li>
 *   <li>{@code auths[host]}: {@code auth} (base64 of {@code user:password}) or {@code identitytoken}.</li>
 * </ol>
 * When a helper or store has nothing for the host, the {@code auths} entry is still tried: older logins left
 * credentials there, and the CLI's own fallback to anonymous is no better.
 */
public final class RegistryCredentials implements CredentialSource {
    /** Helpers may show a keychain prompt; a person needs time to answer it, but not forever. */
    static final Duration HELPER_TIMEOUT = Duration.ofSeconds(60);
    /** What every docker-credential-helpers store prints when it holds nothing for the server. */
    private static final String NOT_FOUND = "credentials not found in native keychain";
    /** A helper's way of saying that Secret is an identity token rather than a password. */
    private static final String TOKEN_USERNAME = "<token>";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HostEnvironment env;
    private final ProcessRunner runner;
    private final CredentialSource outpost;
    private final Path configFile;

    public RegistryCredentials(HostEnvironment env, ProcessRunner runner) {
        this(env, runner, CredentialSource.NONE);
    }

    /** @param outpost consulted first; Outpost's keychain plugs in here */
    public RegistryCredentials(HostEnvironment env, ProcessRunner runner, CredentialSource outpost) {
        this.env = Objects.requireNonNull(env, "env");
        this.runner = Objects.requireNonNull(runner, "runner");
        this.outpost = Objects.requireNonNull(outpost, "outpost");
        Path dir = env.get("DOCKER_CONFIG").map(Path::of).orElse(env.home().resolve(".docker"));
        this.configFile = dir.resolve("config.json");
    }

    /** The credentials for the registry an image comes from ({@code postgres:16} is Docker Hub's). */
    public Optional<AuthConfig> forImage(String image) {
        return forRegistry(ImageReference.parse(image).registry());
    }

    /**
     * @throws RegistryCredentialsException if config.json is unreadable or corrupt, or a configured
     *                                      credential helper is missing or fails
     */
    @Override
    public Optional<AuthConfig> forRegistry(String host) {
        Optional<AuthConfig> given = outpost.forRegistry(host);
        if (given.isPresent()) {
            return given;
        }
        JsonNode config = readConfig();
        String server = Registries.serverAddress(host);
        Optional<String> perHost = helperFor(config, host);
        Optional<String> helper = perHost.or(() -> text(config.path("credsStore")));
        if (helper.isPresent()) {
            String configuredBy = (perHost.isPresent() ? "credHelpers" : "credsStore") + " in " + show(configFile);
            Optional<AuthConfig> stored = fromHelper(helper.get(), server, configuredBy);
            if (stored.isPresent()) {
                return stored;
            }
        }
        return fromAuths(config.path("auths"), host, server);
    }

    private static Optional<String> helperFor(JsonNode config, String host) {
        JsonNode helpers = config.path("credHelpers");
        if (!helpers.isObject()) {
            return Optional.empty();
        }
        for (Map.Entry<String, JsonNode> e : helpers.properties()) {
            if (Registries.sameRegistry(e.getKey(), host)) {
                return text(e.getValue());
            }
        }
        return Optional.empty();
    }

    private Optional<AuthConfig> fromHelper(String name, String server, String configuredBy) {
        String program = "docker-credential-" + name;
        Path executable = env.findExecutable(program).orElseThrow(() -> new RegistryCredentialsException(
                "the credential helper " + program + " (" + configuredBy + ") is not on PATH. Install it, or "
                        + "remove it from " + show(configFile) + " and log in again with `docker login`."));
        Command get = Command.of(executable.toString(), "get")
                .withStdin(server.getBytes(StandardCharsets.UTF_8))
                .withTimeout(HELPER_TIMEOUT);
        // The helper may run tools of its own; it should find them where Outpost found it.
        Optional<String> path = env.get("PATH");
        if (path.isPresent()) {
            get = get.withEnv("PATH", path.get());
        }
        ProcessResult result;
        try {
            result = runner.run(get);
        } catch (ProcessException e) {
            throw new RegistryCredentialsException("the credential helper " + program + " (" + configuredBy
                    + ") could not be run: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RegistryCredentialsException("interrupted while asking " + program + " for the credentials of "
                    + server, e);
        }
        if (!result.succeeded()) {
            // Helpers print their errors on stdout; a failed run holds no secret there.
            String said = OutputExcerpt.tail(result.stdout(), 3, 300) + " " + OutputExcerpt.tail(result.stderrTail(), 3, 300);
            if (said.contains(NOT_FOUND)) {
                return Optional.empty();
            }
            throw new RegistryCredentialsException("the credential helper " + program + " (" + configuredBy
                    + ") failed with exit code " + result.exitCode() + " for " + server + ": "
                    + Redaction.redact(said.strip()));
        }
        return parseHelperAnswer(program, server, result.stdoutText());
    }

    private static Optional<AuthConfig> parseHelperAnswer(String program, String server, String stdout) {
        JsonNode answer;
        try {
            answer = JSON.readTree(stdout);
        } catch (JacksonException e) {
            // The output may be a secret in a format we do not know: say nothing of its content.
            throw new RegistryCredentialsException("the credential helper " + program + " printed something that is "
                    + "not the JSON it should print for " + server + " (" + stdout.length() + " characters)");
        }
        Optional<String> user = text(answer.path("Username"));
        Optional<String> secret = text(answer.path("Secret"));
        if (secret.isEmpty()) {
            return Optional.empty();
        }
        AuthConfig auth = new AuthConfig().withRegistryAddress(server);
        if (user.isEmpty() || user.get().equals(TOKEN_USERNAME)) {
            return Optional.of(auth.withIdentityToken(secret.get()));
        }
        return Optional.of(auth.withUsername(user.get()).withPassword(secret.get()));
    }

    private Optional<AuthConfig> fromAuths(JsonNode auths, String host, String server) {
        if (!auths.isObject()) {
            return Optional.empty();
        }
        JsonNode entry = null;
        for (Map.Entry<String, JsonNode> e : auths.properties()) {
            // An exact key wins over one that only reduces to the same host.
            if (e.getKey().equals(server) || e.getKey().equals(host)) {
                entry = e.getValue();
                break;
            }
            if (entry == null && Registries.sameRegistry(e.getKey(), host)) {
                entry = e.getValue();
            }
        }
        if (entry == null || !entry.isObject()) {
            return Optional.empty();
        }
        AuthConfig auth = new AuthConfig().withRegistryAddress(server);
        boolean any = false;
        Optional<String> encoded = text(entry.path("auth"));
        if (encoded.isPresent()) {
            String decoded = decode(encoded.get(), host);
            int colon = decoded.indexOf(':');
            if (colon <= 0) {
                throw corrupt("the auth of " + host + " is not base64 of user:password");
            }
            auth.withUsername(decoded.substring(0, colon)).withPassword(decoded.substring(colon + 1));
            any = true;
        } else {
            Optional<String> user = text(entry.path("username"));
            Optional<String> password = text(entry.path("password"));
            if (user.isPresent() && password.isPresent()) {
                auth.withUsername(user.get()).withPassword(password.get());
                any = true;
            }
        }
        Optional<String> token = text(entry.path("identitytoken"));
        if (token.isPresent()) {
            auth.withIdentityToken(token.get());
            any = true;
        }
        return any ? Optional.of(auth) : Optional.empty();
    }

    private String decode(String base64, String host) {
        try {
            return new String(Base64.getDecoder().decode(base64.strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            // The exception's text can quote the value: leave it out.
            throw corrupt("the auth of " + host + " is not valid base64");
        }
    }

    private JsonNode readConfig() {
        String text;
        try {
            text = Files.readString(configFile, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return JSON.createObjectNode();
        } catch (IOException e) {
            throw new RegistryCredentialsException("cannot read the docker configuration at " + show(configFile)
                    + ": " + e, e);
        }
        if (text.isBlank()) {
            return JSON.createObjectNode();
        }
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JacksonException e) {
            // Jackson's message quotes the text around the error, which may be an auth value: give the place only.
            throw corrupt("it is not valid JSON (line " + e.getLocation().getLineNr() + ")");
        }
        if (!root.isObject()) {
            throw corrupt("it is not a JSON object");
        }
        return root;
    }

    private RegistryCredentialsException corrupt(String why) {
        return new RegistryCredentialsException("the docker configuration at " + show(configFile) + " is corrupt: "
                + why + ". Fix it, or log in again with `docker login`.");
    }

    private static Optional<String> text(JsonNode node) {
        return node.isString() ? Optional.of(node.stringValue()).filter(s -> !s.isBlank()) : Optional.empty();
    }

    /** Paths under home as {@code ~/...}: shorter, and user names stay out of reports. */
    private String show(Path p) {
        Path home = env.home().toAbsolutePath().normalize();
        Path abs = p.toAbsolutePath().normalize();
        return abs.startsWith(home) && !abs.equals(home)
                ? "~/" + home.relativize(abs).toString().replace('\\', '/') : p.toString();
    }
}
