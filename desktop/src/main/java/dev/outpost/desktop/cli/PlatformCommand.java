package dev.outpost.desktop.cli;

import dev.outpost.desktop.AppServices;
import dev.outpost.profiles.sync.PlatformConfig;
import dev.outpost.stack.catalog.PlatformService;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "platform", description = "The platform's Git repository that profiles and the catalog sync with.",
        subcommands = {PlatformCommand.Set.class, PlatformCommand.Show.class})
final class PlatformCommand {

    @Command(name = "set", description = {"Point Outpost at the platform repository.",
        "The token goes to the OS keychain (or a 0600 file where none answers), never to platform.json."})
    static final class Set extends ProfileCommand.Base {
        @Parameters(paramLabel = "URL", description = "https://…, ssh://…, git@host:path, or a local path.")
        String url;

        @Option(names = "--user", required = true, description = "Your name: your profiles go to profiles/users/NAME/.")
        String user;

        @Option(names = "--branch", description = "Branch to follow (default main).")
        String branch;

        @Option(names = "--token-user", description = "User name sent with the token (default x-access-token).")
        String tokenUser;

        @Option(names = "--ca", paramLabel = "PEM", description = "Extra CA certificates to trust for HTTPS.")
        Path ca;

        @Option(names = "--token-stdin", description = "Read the access token from standard input.")
        boolean tokenStdin;

        @Option(names = "--token", interactive = true, arity = "0", description = "Prompt for the access token.")
        char[] token;

        Set(AppServices services) {
            super(services);
        }

        @Override
        public Integer call() throws Exception {
            PlatformConfig config = new PlatformConfig(url, branch, user, tokenUser, ca == null ? null : ca.toString());
            Optional<String> secret = Optional.empty();
            if (tokenStdin) {
                String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
                secret = Optional.ofNullable(line).map(String::trim).filter(s -> !s.isEmpty());
            } else if (token != null && token.length > 0) {
                secret = Optional.of(new String(token));
            }
            PlatformService p = services.platform();
            p.configure(config, secret);
            return Show.print(this, p);
        }
    }

    @Command(name = "show", description = "The configured platform, where its token is kept, and the version in use.")
    static final class Show extends ProfileCommand.Base {
        Show(AppServices services) {
            super(services);
        }

        @Override
        public Integer call() {
            return print(this, services.platform());
        }

        static int print(ProfileCommand.Base cmd, PlatformService p) {
            Map<String, Object> out = new LinkedHashMap<>();
            Optional<PlatformConfig> c = p.config();
            out.put("configured", c.isPresent());
            c.ifPresent(cfg -> {
                out.put("url", cfg.url());
                out.put("branch", cfg.branch());
                out.put("user", cfg.user());
                out.put("userProfiles", cfg.userDirectory());
                out.put("token", p.hasToken() ? "stored in " + p.tokens().backendDescription() : "none");
                p.lastGood().ifPresent(g -> out.put("inUse", Map.of("commit", g.shortId(), "subject", g.subject(),
                        "committedAt", g.committedAt().toString())));
                if (!p.conflicts().isEmpty()) {
                    out.put("conflicts", p.conflicts().stream().map(f -> f.path()).toList());
                }
            });
            if (cmd.output.json()) {
                cmd.out().println(Json.write(out));
            } else if (c.isEmpty()) {
                cmd.out().println("No platform configured: the built-in catalog is in use.");
                cmd.out().println("Set one with: outpost platform set URL --user NAME --token-stdin");
            } else {
                out.forEach((k, v) -> cmd.out().printf("%-13s %s%n", k, v));
            }
            return ExitCodes.OK;
        }
    }
}
