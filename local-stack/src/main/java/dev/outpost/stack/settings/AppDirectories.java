package dev.outpost.stack.settings;

import dev.outpost.stack.platform.HostEnvironment;
import dev.outpost.profiles.files.PrivateFiles;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Where Outpost keeps its files, following each OS's convention:
 * <ul>
 *   <li>Linux: XDG ({@code $XDG_CONFIG_HOME/outpost}, {@code $XDG_DATA_HOME/outpost},
 *       {@code $XDG_STATE_HOME/outpost}, {@code $XDG_CACHE_HOME/outpost}, with the spec's defaults);</li>
 *   <li>macOS: {@code ~/Library/Application Support/Outpost}, {@code ~/Library/Logs/Outpost},
 *       {@code ~/Library/Caches/Outpost};</li>
 *   <li>Windows: {@code %APPDATA%\Outpost} (roaming settings), {@code %LOCALAPPDATA%\Outpost} (the rest).</li>
 * </ul>
 * {@code OUTPOST_HOME} puts all four under one directory (portable installs, tests).
 */
public record AppDirectories(Path config, Path data, Path state, Path cache) {

    public static AppDirectories forHost(HostEnvironment host) {
        var override = host.get("OUTPOST_HOME");
        if (override.isPresent()) {
            Path root = Path.of(override.get());
            return new AppDirectories(root.resolve("config"), root.resolve("data"), root.resolve("state"),
                    root.resolve("cache"));
        }
        Path home = host.home();
        return switch (host.os()) {
            case LINUX -> new AppDirectories(
                    xdg(host, "XDG_CONFIG_HOME", home.resolve(".config")),
                    xdg(host, "XDG_DATA_HOME", home.resolve(".local/share")),
                    xdg(host, "XDG_STATE_HOME", home.resolve(".local/state")),
                    xdg(host, "XDG_CACHE_HOME", home.resolve(".cache")));
            case MACOS -> {
                Path support = home.resolve("Library/Application Support/Outpost");
                yield new AppDirectories(support, support, home.resolve("Library/Logs/Outpost"),
                        home.resolve("Library/Caches/Outpost"));
            }
            case WINDOWS -> {
                Path roaming = host.get("APPDATA").map(Path::of).orElse(home.resolve("AppData/Roaming"));
                Path local = host.get("LOCALAPPDATA").map(Path::of).orElse(home.resolve("AppData/Local"))
                        .resolve("Outpost");
                yield new AppDirectories(roaming.resolve("Outpost"), local.resolve("Data"), local.resolve("State"),
                        local.resolve("Cache"));
            }
        };
    }

    private static Path xdg(HostEnvironment host, String variable, Path fallback) {
        // The spec says a relative value is invalid and must be ignored.
        return host.get(variable).map(Path::of).filter(Path::isAbsolute).orElse(fallback).resolve("outpost");
    }

    public Path settingsFile() {
        return config.resolve("settings.json");
    }

    public Path logs() {
        return state.resolve("logs");
    }

    /** Creates every directory owner-only, tightening ones that already exist. */
    public AppDirectories ensureCreated() throws IOException {
        for (Path p : new Path[] {config, data, state, cache, logs()}) {
            PrivateFiles.createDirectories(p);
        }
        return this;
    }
}
