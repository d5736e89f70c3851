package dev.outpost.stack.docker;

import dev.outpost.stack.docker.DockerEndpoint.Source;
import dev.outpost.stack.platform.OperatingSystem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the docker CLI's files under DOCKER_CONFIG: config.json's {@code currentContext} and the context
 * store, where a context named N lives in {@code contexts/meta/<sha256(N)>/meta.json} and its TLS
 * material in {@code contexts/tls/<sha256(N)>/docker/}.
 */
final class ContextStore {
    static final String DEFAULT_CONTEXT = "default";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Path configDir;
    private final OperatingSystem os;
    private final PathDisplay paths;

    ContextStore(Path configDir, OperatingSystem os, PathDisplay paths) {
        this.configDir = configDir;
        this.os = os;
        this.paths = paths;
    }

    Path configFile() {
        return configDir.resolve("config.json");
    }

    /** config.json's currentContext; empty when the file or the field is absent. */
    Optional<String> currentContext() {
        Path file = configFile();
        Optional<JsonNode> root = readJson(file, "the docker configuration");
        if (root.isEmpty()) {
            return Optional.empty();
        }
        if (!root.get().isObject()) {
            throw malformed(file, "the docker configuration", "it is not a JSON object", null);
        }
        JsonNode current = root.get().path("currentContext");
        if (current.isMissingNode() || current.isNull()) {
            return Optional.empty();
        }
        if (!current.isString()) {
            throw malformed(file, "the docker configuration", "currentContext is not a string", null);
        }
        return Optional.of(current.stringValue()).filter(s -> !s.isBlank());
    }

    /**
     * The endpoint of a named context.
     *
     * @param via how the name was chosen, for the message ("DOCKER_CONTEXT", "config.json")
     * @throws DockerEndpointException if the context does not exist or its file is corrupt
     */
    DockerEndpoint endpoint(String name, Source source, String via) {
        if (DEFAULT_CONTEXT.equals(name)) {
            // "default" is not stored: it is whatever DOCKER_HOST or the platform gives, and DOCKER_HOST was unset.
            String place = os == OperatingSystem.WINDOWS ? "default pipe" : "default socket";
            return new DockerEndpoint(HostAddress.platformDefault(os), source,
                    "docker context 'default' from " + via + " (" + place + ")", Optional.empty(), DockerTls.none());
        }
        String hash = hash(name);
        Path meta = configDir.resolve("contexts").resolve("meta").resolve(hash).resolve("meta.json");
        String what = "docker context '" + name + "'";
        JsonNode root = readJson(meta, what).orElseThrow(() -> new DockerEndpointException(
                what + " (chosen by " + via + ") does not exist: " + paths.show(meta) + " is missing. "
                        + "Run `docker context ls` to see the contexts, or `docker context use default`.", meta, null));
        JsonNode docker = root.path("Endpoints").path("docker");
        if (!docker.isObject()) {
            throw malformed(meta, what, "it has no docker endpoint (Endpoints.docker)", null);
        }
        JsonNode hostNode = docker.path("Host");
        JsonNode skipNode = docker.path("SkipTLSVerify");
        if (!hostNode.isMissingNode() && !hostNode.isNull() && !hostNode.isString()) {
            throw malformed(meta, what, "Endpoints.docker.Host is not a string", null);
        }
        boolean skipVerify = skipNode.isBoolean() && skipNode.booleanValue();
        DockerTls tls = DockerTls.forContext(tlsMaterial(hash), skipVerify);
        String host = hostNode.isString() ? hostNode.stringValue().trim() : "";
        var uri = host.isEmpty() ? HostAddress.platformDefault(os)
                : HostAddress.parse(host, tls.enabled(), "the Host of " + what + " (" + paths.show(meta) + ")");
        String origin = what + (source == Source.DOCKER_CONTEXT ? " from DOCKER_CONTEXT" : "")
                + " (" + paths.show(meta) + ")";
        return new DockerEndpoint(uri, source, origin, Product.fromLocation(uri, name), tls);
    }

    private Optional<Path> tlsMaterial(String hash) {
        Path dir = configDir.resolve("contexts").resolve("tls").resolve(hash).resolve("docker");
        return Files.isDirectory(dir) ? Optional.of(dir) : Optional.empty();
    }

    /** The context store's directory name for a context: the hex SHA-256 of its name. */
    static String hash(String contextName) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(contextName.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private Optional<JsonNode> readJson(Path file, String what) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new DockerEndpointException("cannot read " + what + " at " + paths.show(file) + ": " + e, file, e);
        }
        if (text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readTree(text));
        } catch (JacksonException e) {
            throw malformed(file, what, "it is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    private DockerEndpointException malformed(Path file, String what, String why, Throwable cause) {
        String advice = file.equals(configFile())
                ? "Fix the file, or move it aside to start from an empty docker configuration."
                : "Remove it with `docker context rm` and create it again, or switch with `docker context use default`.";
        return new DockerEndpointException(what + " at " + paths.show(file) + " is corrupt: " + why + ". " + advice,
                file, cause);
    }
}
