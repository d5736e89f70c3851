package dev.outpost.stack.settings;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.outpost.profiles.validation.Durations;

/**
 * The idle policy a profile gets for whatever its {@code spec.idle} leaves out. Durations are written as people
 * write them in profiles (30m, 2h), so the file reads like the YAML it completes.
 *
 * <p>Defaults follow what users already know: Codespaces stops a codespace after 30 minutes without activity,
 * Ollama unloads a model 5 minutes after its last request, Docker Desktop's Resource Saver pauses the engine after
 * 5 minutes. An environment holds data and takes longer to come back than a paused VM, so it gets Codespaces'
 * 30 minutes; the remote GPU costs by the minute, so its lease goes after 15.
 *
 * @param enabled            false turns the automatic stop off; figures are still recorded
 * @param stopAfter          stop an environment after this long with no client connection and no CPU above the threshold
 * @param cpuThreshold       percent of one core at or below which an environment counts as idle
 * @param modelKeepAlive     how long a local model stays loaded after its last request (Ollama's keep_alive)
 * @param releaseRemoteAfter release the remote GPU after this long with no request through the gateway
 * @param warnBefore         how long before a stop the "keep running" notification shows
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record IdleSettings(Boolean enabled, String stopAfter, Double cpuThreshold, String modelKeepAlive,
                           String releaseRemoteAfter, String warnBefore) {
    public static final IdleSettings DEFAULTS = new IdleSettings(true, "30m", 5.0, "5m", "15m", "1m");

    public IdleSettings {
        if (enabled == null) {
            enabled = true;
        }
        stopAfter = valid(stopAfter, "30m");
        if (cpuThreshold == null || cpuThreshold < 0 || cpuThreshold > 100) {
            cpuThreshold = 5.0;
        }
        modelKeepAlive = valid(modelKeepAlive, "5m");
        releaseRemoteAfter = valid(releaseRemoteAfter, "15m");
        warnBefore = valid(warnBefore, "1m");
    }

    /** A value that does not parse falls back to the default rather than failing the whole settings file. */
    private static String valid(String value, String fallback) {
        if (value == null) {
            return fallback;
        }
        return "never".equals(value) || Durations.parse(value).isPresent() ? value : fallback;
    }

    public IdleSettings withEnabled(boolean on) {
        return new IdleSettings(on, stopAfter, cpuThreshold, modelKeepAlive, releaseRemoteAfter, warnBefore);
    }

    public IdleSettings withStopAfter(String d) {
        return new IdleSettings(enabled, d, cpuThreshold, modelKeepAlive, releaseRemoteAfter, warnBefore);
    }

    public IdleSettings withCpuThreshold(double percent) {
        return new IdleSettings(enabled, stopAfter, percent, modelKeepAlive, releaseRemoteAfter, warnBefore);
    }

    public IdleSettings withModelKeepAlive(String d) {
        return new IdleSettings(enabled, stopAfter, cpuThreshold, d, releaseRemoteAfter, warnBefore);
    }

    public IdleSettings withReleaseRemoteAfter(String d) {
        return new IdleSettings(enabled, stopAfter, cpuThreshold, modelKeepAlive, d, warnBefore);
    }

    public IdleSettings withWarnBefore(String d) {
        return new IdleSettings(enabled, stopAfter, cpuThreshold, modelKeepAlive, releaseRemoteAfter, d);
    }
}
