package dev.outpost.desktop;

import dev.outpost.profiles.credentials.MapTokenStore;
import dev.outpost.profiles.sync.PlatformConfigStore;
import dev.outpost.stack.catalog.CatalogService;
import dev.outpost.stack.catalog.PlatformService;
import dev.outpost.stack.doctor.Check;
import dev.outpost.stack.environment.EnvironmentService;
import dev.outpost.stack.doctor.CheckStatus;
import dev.outpost.stack.doctor.DiagnosticProbe;
import dev.outpost.stack.doctor.Doctor;
import dev.outpost.stack.platform.HostEnvironment;
import dev.outpost.stack.platform.OperatingSystem;
import dev.outpost.stack.process.LocalProcessRunner;
import dev.outpost.stack.settings.AppDirectories;
import dev.outpost.stack.settings.SettingsStore;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** AppServices over a temporary home, with probes that report what the test says. */
public final class TestServices {
    private TestServices() {
    }

    public static AppServices withChecks(Path home, List<Check> checks) {
        return withChecks(home, checks, Map.of());
    }

    /** @param extraEnv more variables for the host, e.g. DOCKER_CONFIG with a registry login */
    public static AppServices withChecks(Path home, List<Check> checks, Map<String, String> extraEnv) {
        Map<String, String> env = new java.util.HashMap<>(extraEnv);
        env.put("OUTPOST_HOME", home.toString());
        HostEnvironment host = new HostEnvironment(OperatingSystem.LINUX, env, home);
        AppDirectories dirs = AppDirectories.forHost(host);
        List<DiagnosticProbe> probes = checks.stream().map(TestServices::probe).toList();
        PlatformService platform = new PlatformService(new PlatformConfigStore(dirs.config()),
                dirs.data().resolve("platform/repo"), dirs.config(), new MapTokenStore());
        CatalogService catalog = new CatalogService(dirs.data(), platform::currentTree, platform::userProfiles);
        LocalProcessRunner runner = new LocalProcessRunner();
        var inference = AppServices.inference(host, runner, dirs, platform, catalog);
        SettingsStore settings = new SettingsStore(dirs.settingsFile());
        EnvironmentService environments = new EnvironmentService(host, dirs.data(), platform::tokens, "test")
                .withInferenceGateway(inference::gatewayUrl);
        return new AppServices(host, dirs, settings, runner, new Doctor(probes), platform, catalog, environments,
                inference, new dev.outpost.stack.cost.Metering(dirs.data(), environments, catalog, settings,
                        platform::tokens, inference, java.time.Clock.systemUTC()));
    }

    public static List<Check> typicalLaptop() {
        return List.of(
                Check.ok("engine", "Container engine", "Docker Engine 20.10.24 at unix:///var/run/docker.sock",
                        Map.of("engine", "Docker Engine", "version", "20.10.24")),
                Check.of("kind", "kind", CheckStatus.MISSING, "kind is not on PATH", Map.of(),
                        "Install kind: https://kind.sigs.k8s.io/docs/user/quick-start/#installation"),
                Check.of("gpu", "GPU", CheckStatus.MISSING, "No NVIDIA GPU found", Map.of(),
                        "Install the NVIDIA driver"));
    }

    private static DiagnosticProbe probe(Check c) {
        return new DiagnosticProbe() {
            @Override
            public String id() {
                return c.id();
            }

            @Override
            public Check run() {
                return c;
            }
        };
    }
}
