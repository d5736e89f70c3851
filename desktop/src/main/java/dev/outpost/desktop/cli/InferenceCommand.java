package dev.outpost.desktop.cli;

import dev.outpost.desktop.AppServices;
import dev.outpost.profiles.model.InferenceTarget;
import dev.outpost.profiles.model.Profile;
import dev.outpost.stack.inference.InferenceService;
import dev.outpost.stack.inference.InferenceSettings;
import dev.outpost.stack.inference.gateway.GatewayListener;
import dev.outpost.stack.inference.gateway.InferenceGateway;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code outpost inference status|use|token} and {@code outpost gateway}: where models run, and the one local URL. */
final class InferenceCommand {
    private InferenceCommand() {
    }

    @Command(name = "inference", description = "Where models run: local GPU, the remote target, or auto.",
            subcommands = {Status.class, Use.class, Token.class})
    static final class Group {
    }

    static Map<String, Object> status(InferenceService inference) {
        InferenceSettings s = inference.settings();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("placement", (s.placement() == null ? Profile.Placement.AUTO : s.placement()).name().toLowerCase(java.util.Locale.ROOT));
        m.put("allowFallback", s.allowFallback());
        m.put("gateway", inference.gatewayUrl().toString());
        m.put("local", inference.localHost().baseUri().toString());
        Optional<InferenceTarget> remote = inference.remoteTarget();
        m.put("remote", remote.map(t -> {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("name", t.metadata().name());
            r.put("url", t.spec().url());
            r.put("api", t.spec().api().name().toLowerCase(java.util.Locale.ROOT));
            r.put("gpu", t.spec().gpu() == null ? null : t.spec().gpu().type());
            r.put("costPerHour", t.spec().costPerHour());
            r.put("region", t.spec().region());
            return r;
        }).orElse(null));
        return m;
    }

    @Command(name = "status", description = "Placement, the remote target (GPU, cost per hour), the gateway's URL.")
    static final class Status extends ProfileCommand.Base {
        Status(AppServices services) {
            super(services);
        }

        @Override
        public Integer call() {
            Map<String, Object> m = status(services.inference());
            if (output.json()) {
                out().println(Json.write(m));
            } else {
                m.forEach((k, v) -> out().println(k + ": " + (v == null ? "none" : v)));
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "use", description = "Run models locally, on the remote target, or decide per model (auto).")
    static final class Use extends ProfileCommand.Base {
        @Parameters(index = "0", paramLabel = "local|remote|auto")
        String where;

        @Parameters(index = "1", paramLabel = "TARGET", arity = "0..1", description = "For remote: the catalog's target name.")
        String target;

        @Option(names = "--fallback", negatable = true, description = "Use the other side when the chosen one fails.")
        Boolean fallback;

        @Option(names = "--ca", paramLabel = "PEM", description = "A company CA the remote target's certificate chains to (added to the system's).")
        java.nio.file.Path ca;

        Use(AppServices services) {
            super(services);
        }

        @Override
        public Integer call() {
            Profile.Placement p;
            try {
                p = Profile.Placement.valueOf(where.toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), "say local, remote or auto");
            }
            InferenceService inference = services.inference();
            InferenceSettings s = inference.settings().withPlacement(p);
            if (target != null) {
                if (!inference.targets().containsKey(target)) {
                    throw new IllegalArgumentException("no inference target named '" + target + "' in the catalog (it has: "
                            + String.join(", ", inference.targets().keySet()) + ")");
                }
                s = s.withRemoteTarget(target);
            }
            if (fallback != null) {
                s = s.withAllowFallback(fallback);
            }
            if (ca != null) {
                if (!java.nio.file.Files.isReadable(ca)) {
                    throw new IllegalArgumentException(ca + ": no such readable file");
                }
                s = s.withCustomCaPath(ca.toAbsolutePath().toString());
            }
            inference.save(s);
            if (p == Profile.Placement.REMOTE && inference.remoteTarget().isEmpty()) {
                throw new IllegalArgumentException("no remote target: name one (outpost inference use remote TARGET); the catalog has "
                        + (inference.targets().isEmpty() ? "none" : String.join(", ", inference.targets().keySet())));
            }
            Map<String, Object> m = status(inference);
            if (output.json()) {
                out().println(Json.write(m));
            } else {
                out().println("models now run " + (p == Profile.Placement.AUTO ? "where they fit (auto)" : p == Profile.Placement.LOCAL
                        ? "locally" : "on " + inference.remoteTarget().map(t -> t.metadata().name()).orElse("the remote target"))
                        + "; apps keep " + inference.gatewayUrl());
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "token", description = "Store a remote target's bearer token (read from stdin) in the keychain or a 0600 file.")
    static final class Token extends ProfileCommand.Base {
        @Parameters(paramLabel = "TARGET")
        String target;

        Token(AppServices services) {
            super(services);
        }

        @Override
        public Integer call() throws Exception {
            String token = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            if (token == null || token.isBlank()) {
                throw new IllegalArgumentException("no token on stdin");
            }
            services.inference().access().storeToken(target, token.strip());
            out().println(output.json() ? Json.write(Map.of("target", target, "stored", true)) : "token for " + target + " stored");
            return ExitCodes.OK;
        }
    }

    @Command(name = "gateway", description = {"Run the inference gateway in the foreground and print its URL: Ollama and OpenAI",
        "APIs on 127.0.0.1, forwarded to where models run now. The window runs the same gateway."})
    static final class Gateway extends ProfileCommand.Base {
        Gateway(AppServices services) {
            super(services);
        }

        @Override
        public Integer call() throws Exception {
            var err = spec.commandLine().getErr();
            GatewayListener log = new GatewayListener() {
                @Override
                public void routed(dev.outpost.stack.inference.gateway.RequestRouted r) {
                    err.println(r.method() + " " + r.path() + " -> " + r.route() + (r.reason() == null ? "" : " (" + r.reason() + ")"));
                    err.flush();
                }

                @Override
                public void fellBack(dev.outpost.stack.inference.gateway.Fallback f) {
                    err.println("fell back from " + f.fromRoute() + " to " + f.toRoute() + ": " + f.cause());
                    err.flush();
                }
            };
            var server = services.inference().ensureLocal(step -> err.println(step));
            // The remote GPU's lease is metered from this gateway's requests, unless the window already meters.
            if (services.metering().startMonitor()) {
                err.println("metering into " + services.metering().storeFile());
            }
            err.println("local Ollama: " + server.reason());
            try (server; InferenceGateway gateway = services.inference().startGateway(log)) {
                if (output.json()) {
                    out().println(Json.write(Map.of("url", gateway.url().toString())));
                } else {
                    out().println(gateway.url());
                }
                out().flush();
                Thread.currentThread().join();
            }
            return ExitCodes.OK;
        }
    }
}
