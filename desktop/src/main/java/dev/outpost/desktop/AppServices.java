package dev.outpost.desktop;

import dev.outpost.stack.cost.Metering;
import dev.outpost.stack.catalog.CatalogService;
import dev.outpost.stack.catalog.PlatformService;
import dev.outpost.stack.doctor.Doctor;
import dev.outpost.stack.environment.EnvironmentService;
import dev.outpost.stack.inference.DockerOllamaContainers;
import dev.outpost.stack.inference.InferenceService;
import java.util.Optional;
import dev.outpost.stack.inference.InferenceSettingsStore;
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
                          EnvironmentService environments, InferenceService inference,
                          Metering metering) {

    /** Inference over the catalog's targets as loaded now, and the platform's token store for their tokens. */
    public static InferenceService inference(HostEnvironment host, ProcessRunner runner, AppDirectories dirs,
                                             PlatformService platform, CatalogService catalog) {
        return new InferenceService(host, runner, InferenceSettingsStore.in(dirs), () -> {
            try {
                java.util.Map<String, dev.outpost.profiles.model.InferenceTarget> out = new java.util.TreeMap<>();
                catalog.load().catalog().targets().forEach((name, parsed) -> out.put(name, parsed.document()));
                return out;
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, platform::tokens);
    }

    public static AppServices forHost(HostEnvironment host) {
        AppDirectories dirs = AppDirectories.forHost(host);
        ProcessRunner runner = new LocalProcessRunner();
        PlatformService platform = new PlatformService(dirs.config(), dirs.data());
        CatalogService catalog = new CatalogService(dirs.data(), platform::currentTree, platform::userProfiles);
        InferenceService inference = inference(host, runner, dirs, platform, catalog);
        SettingsStore settings = new SettingsStore(dirs.settingsFile());
        EnvironmentService environments = new EnvironmentService(host, dirs.data(), platform::tokens, AppInfo.version())
                .withInferenceGateway(inference::gatewayUrl);
        String mirror;
        try {
            mirror = settings.load().settings().registryMirror();
        } catch (java.io.IOException e) {
            mirror = null;
        }
        inference.withContainers(() -> Optional.of(new DockerOllamaContainers(environments.docker(), environments.images())), mirror);

        Metering metering = new Metering(dirs.data(), environments, catalog, settings, platform::tokens, inference,
                java.time.Clock.systemUTC());
        inference.withModelKeepAlive(metering::modelKeepAlive);
        return new AppServices(host, dirs, settings, runner,
                new Doctor(StandardProbes.create(host, runner, dirs)), platform, catalog, environments, inference,
                metering);
    }
}
