package dev.outpost.desktop;

import dev.outpost.stack.catalog.CatalogService;
import dev.outpost.stack.catalog.PlatformService;
import dev.outpost.stack.doctor.Doctor;
import dev.outpost.stack.environment.EnvironmentService;
import dev.outpost.stack.doctor.StandardProbes;
import dev.outpost.stack.platform.HostEnvironment;
import dev.outpost.stack.process.LocalProcessRunner;
import dev.outpost.stack.process.ProcessRunner;
import dev.outpost.stack.settings.AppDirectories;
import dev.outpost.stack.settings.SettingsStore;

/**
 * The engine objects the CLI and the window share, built once. Tests build one over a temporary
 * home and their own probes.
 */
public record AppServices(HostEnvironment host, AppDirectories directories, SettingsStore settings,
                          ProcessRunner runner, Doctor doctor, PlatformService platform, CatalogService catalog,
                          EnvironmentService environments) {

    public static AppServices forHost(HostEnvironment host) {
        AppDirectories dirs = AppDirectories.forHost(host);
        ProcessRunner runner = new LocalProcessRunner();
        PlatformService platform = new PlatformService(dirs.config(), dirs.data());
        return new AppServices(host, dirs, new SettingsStore(dirs.settingsFile()), runner,
                new Doctor(StandardProbes.create(host, runner, dirs)), platform,
                new CatalogService(dirs.data(), platform::currentTree, platform::userProfiles),
                new EnvironmentService(host, dirs.data(), platform::tokens, AppInfo.version()));
    }
}
