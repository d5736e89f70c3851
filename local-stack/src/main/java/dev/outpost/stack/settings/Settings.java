package dev.outpost.stack.settings;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.outpost.profiles.Runtime;

/**
 * The user's preferences. Unknown keys are ignored on read so an older Outpost can open a newer
 * file; {@link SettingsStore} never rewrites a file it could not read.
 *
 * @param defaultRuntime  runtime for profiles that do not name one, and what {@code doctor} checks for
 * @param theme           {@code light}, {@code dark} or {@code system}
 * @param registryMirror  host[:port] that image pulls are rewritten to, as a company mirror is used; null for none
 * @param idle            the idle policy's defaults, for what a profile's {@code spec.idle} leaves out
 * @param cost            the laptop's grid zone and electricity price
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Settings(int schemaVersion, Runtime defaultRuntime, String theme, String registryMirror,
                       IdleSettings idle, CostSettings cost) {
    public static final int CURRENT_SCHEMA = 1;

    public Settings {
        if (defaultRuntime == null) {
            defaultRuntime = Runtime.DOCKER;
        }
        if (theme == null || theme.isBlank()) {
            theme = "system";
        }
        if (registryMirror != null && registryMirror.isBlank()) {
            registryMirror = null;
        }
        if (idle == null) {
            idle = IdleSettings.DEFAULTS;
        }
        if (cost == null) {
            cost = CostSettings.DEFAULTS;
        }
    }

    public Settings(int schemaVersion, Runtime defaultRuntime, String theme, String registryMirror) {
        this(schemaVersion, defaultRuntime, theme, registryMirror, null, null);
    }

    public static Settings defaults() {
        return new Settings(CURRENT_SCHEMA, Runtime.DOCKER, "system", null);
    }

    public Settings withDefaultRuntime(Runtime r) {
        return new Settings(schemaVersion, r, theme, registryMirror, idle, cost);
    }

    public Settings withTheme(String t) {
        return new Settings(schemaVersion, defaultRuntime, t, registryMirror, idle, cost);
    }

    public Settings withRegistryMirror(String m) {
        return new Settings(schemaVersion, defaultRuntime, theme, m, idle, cost);
    }

    public Settings withIdle(IdleSettings i) {
        return new Settings(schemaVersion, defaultRuntime, theme, registryMirror, i, cost);
    }

    public Settings withCost(CostSettings c) {
        return new Settings(schemaVersion, defaultRuntime, theme, registryMirror, idle, c);
    }
}
