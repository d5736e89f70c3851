package dev.outpost.stack.inference;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.outpost.profiles.model.Profile;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The user's inference preferences, kept in {@code inference.json} beside settings.json. Values that make no
 * sense (an unknown placement, port 0) fall back to their defaults instead of making the file unreadable.
 *
 * @param placement     where models run unless a profile says otherwise
 * @param remoteTarget  the InferenceTarget used for remote placement; null for none
 * @param allowFallback whether a model that should run remotely may run here when the target does not answer;
 *                      on by default so that AUTO keeps working offline (the decision says when it happened)
 * @param gatewayPort   the local port Outpost's inference gateway listens on. Fixed and saved rather than picked
 *                      free at each start, so that tools configured with it keep working across restarts
 * @param customCaPath  a PEM file with a company CA trusted for remote targets in addition to the system CAs
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InferenceSettings(int schemaVersion, Profile.Placement placement, String remoteTarget,
                                Boolean allowFallback, Integer gatewayPort, String customCaPath) {
    public static final int CURRENT_SCHEMA = 1;
    /** Next to Ollama's 11434, so the two are easy to tell apart. */
    public static final int DEFAULT_GATEWAY_PORT = 11435;

    public InferenceSettings {
        schemaVersion = schemaVersion <= 0 ? CURRENT_SCHEMA : schemaVersion;
        placement = placement == null ? Profile.Placement.AUTO : placement;
        remoteTarget = blankToNull(remoteTarget);
        allowFallback = allowFallback == null ? Boolean.TRUE : allowFallback;
        gatewayPort = gatewayPort == null || gatewayPort < 1 || gatewayPort > 65535 ? DEFAULT_GATEWAY_PORT : gatewayPort;
        customCaPath = blankToNull(customCaPath);
    }

    public static InferenceSettings defaults() {
        return new InferenceSettings(CURRENT_SCHEMA, Profile.Placement.AUTO, null, true, DEFAULT_GATEWAY_PORT, null);
    }

    public InferenceSettings withPlacement(Profile.Placement p) {
        return new InferenceSettings(schemaVersion, p, remoteTarget, allowFallback, gatewayPort, customCaPath);
    }

    public InferenceSettings withRemoteTarget(String name) {
        return new InferenceSettings(schemaVersion, placement, name, allowFallback, gatewayPort, customCaPath);
    }

    public InferenceSettings withAllowFallback(boolean allow) {
        return new InferenceSettings(schemaVersion, placement, remoteTarget, allow, gatewayPort, customCaPath);
    }

    public InferenceSettings withGatewayPort(int port) {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("gateway port must be between 1 and 65535, not " + port);
        }
        return new InferenceSettings(schemaVersion, placement, remoteTarget, allowFallback, port, customCaPath);
    }

    public InferenceSettings withCustomCaPath(String path) {
        return new InferenceSettings(schemaVersion, placement, remoteTarget, allowFallback, gatewayPort, path);
    }

    public Optional<String> remoteTargetName() {
        return Optional.ofNullable(remoteTarget);
    }

    public Optional<Path> customCa() {
        return Optional.ofNullable(customCaPath).map(Path::of);
    }

    /** TLS for remote targets as these settings describe it. */
    public TargetTls tls() {
        return TargetTls.withCustomCa(customCa().orElse(null));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
