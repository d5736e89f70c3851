package dev.outpost.stack.docker;

import com.github.dockerjava.api.model.AuthConfig;
import dev.outpost.stack.platform.HostEnvironment;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Registry credentials saved by {@code docker login} in {@code $DOCKER_CONFIG/config.json} ("auths").
 * Credential helpers ({@code credsStore}, {@code credHelpers}) are not consulted yet.
 */
public final class DockerConfigAuths {
    static final String DOCKER_HUB_KEY = "https://index.docker.io/v1/";
    private final Path configFile;

    public DockerConfigAuths(HostEnvironment host) {
        this.configFile = host.get("DOCKER_CONFIG").map(Path::of).orElse(host.home().resolve(".docker"))
                .resolve("config.json");
    }

    public Optional<AuthConfig> forRegistry(String registry) {
        if (!Files.isRegularFile(configFile)) {
            return Optional.empty();
        }
        JsonNode auths;
        try {
            auths = JsonMapper.builder().build().readTree(Files.readString(configFile)).path("auths");
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        String key = registry.equals("docker.io") ? DOCKER_HUB_KEY : registry;
        JsonNode entry = auths.has(key) ? auths.get(key) : auths.path("https://" + key);
        String encoded = entry.path("auth").asString("");
        if (encoded.isEmpty()) {
            return Optional.empty();
        }
        String decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        return Optional.of(new AuthConfig().withRegistryAddress(key).withUsername(decoded.substring(0, colon))
                .withPassword(decoded.substring(colon + 1)));
    }
}
