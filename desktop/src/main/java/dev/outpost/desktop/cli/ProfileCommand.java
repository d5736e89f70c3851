package dev.outpost.desktop.cli;

import dev.outpost.desktop.AppServices;
import dev.outpost.profiles.Runtime;
import dev.outpost.profiles.resolve.Plan;
import dev.outpost.profiles.resolve.ResolveOptions;
import dev.outpost.profiles.validation.Problem;
import dev.outpost.stack.catalog.CatalogSnapshot;
import dev.outpost.stack.catalog.CatalogSnapshot.ProfileEntry;
import dev.outpost.stack.catalog.CatalogService;
import dev.outpost.stack.catalog.NewProfile;
import dev.outpost.stack.settings.Settings;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "profile", description = "List, show, validate and create environment profiles.",
        subcommands = {ProfileCommand.ListProfiles.class, ProfileCommand.Show.class, ProfileCommand.Validate.class,
            ProfileCommand.New.class, SyncCommands.Sync.class, SyncCommands.Push.class, SyncCommands.Resolve.class})
final class ProfileCommand {

    /** Shared by the subcommands: where output goes, and the engine. */
    abstract static class Base implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        OutputOptions output;

        final AppServices services;

        Base(AppServices services) {
            this.services = services;
        }

        CatalogService catalog() {
            return services.catalog();
        }

        PrintWriter out() {
            return spec.commandLine().getOut();
        }

        Settings settings() throws java.io.IOException {
            return services.settings().load().settings();
        }

        int printProblems(List<Problem> problems) {
            if (output.json()) {
                out().println(Json.write(new ValidationOutput(problems.isEmpty(),
                        problems.stream().map(ProblemOutput::of).toList())));
            } else if (problems.isEmpty()) {
                out().println("valid");
            } else {
                problems.forEach(p -> out().println(p));
                out().println(problems.size() + (problems.size() == 1 ? " problem" : " problems"));
            }
            return problems.isEmpty() ? ExitCodes.OK : ExitCodes.FAILURE;
        }
    }

    record ProblemOutput(String file, int line, int column, String path, String message, String text) {
        static ProblemOutput of(Problem p) {
            return new ProblemOutput(p.location().file(), p.location().line(), p.location().column(), p.path(),
                    p.message(), p.toString());
        }
    }

    record ValidationOutput(boolean valid, List<ProblemOutput> problems) {
    }

    @Command(name = "list", description = "Profiles from the built-in catalog, the platform (team) and your own.")
    static final class ListProfiles extends Base {
        ListProfiles(AppServices services) {
            super(services);
        }

        @Override
        public Integer call() throws Exception {
            CatalogSnapshot snap = catalog().load();
            if (output.json()) {
                out().println(Json.write(snap.profiles().stream().map(e -> new ListEntry(e.name(),
                        e.origin().id(), e.runtime(), e.services(), e.description(), e.file(), e.valid(),
                        e.problems().stream().map(ProblemOutput::of).toList())).toList()));
                return ExitCodes.OK;
            }
            Table t = new Table("NAME", "ORIGIN", "RUNTIME", "SERVICES", "STATUS");
            for (ProfileEntry e : snap.profiles()) {
                t.row(e.name(), e.origin().id(), e.runtime(), String.join(", ", e.services()),
                        e.valid() ? "valid" : e.problems().size() + " problem(s): outpost profile validate " + e.file());
            }
            out().print(t.render());
            return ExitCodes.OK;
        }

        record ListEntry(String name, String origin, String runtime, List<String> services, String description,
                         String file, boolean valid, List<ProblemOutput> problems) {
        }
    }

    @Command(name = "show", description = "The profile resolved against the catalog: images, ports, connection strings.")
    static final class Show extends Base {
        @Parameters(paramLabel = "PROFILE")
        String name;

        Show(AppServices services) {
            super(services);
        }

        @Override
        public Integer call() throws Exception {
            CatalogSnapshot snap = catalog().load();
            Settings s = settings();
            Plan plan = catalog().resolve(snap, name, new ResolveOptions(s.registryMirror(), s.defaultRuntime()));
            if (output.json()) {
                out().println(Json.write(plan));
                return ExitCodes.OK;
            }
            out().printf("%s  (runtime %s)%n", plan.profile(), plan.runtime().id());
            for (Plan.Service svc : plan.services()) {
                out().printf("%n  %s  %s%n", svc.name(), svc.image());
                svc.ports().forEach(p -> out().printf("    port %-10s %s:%d -> %d/%s%n", p.name(), p.hostIp(), p.hostPort(),
                        p.containerPort(), p.protocol().name().toLowerCase()));
                svc.connection().forEach((k, v) -> out().printf("    %-15s %s%n", k, v));
            }
            plan.stopAfter().ifPresent(d -> out().printf("%n  stops after %s idle%n", d.toString().substring(2).toLowerCase()));
            return ExitCodes.OK;
        }
    }

    @Command(name = "validate", description = {"Check profile files (or, with none, the whole catalog) and report every problem "
            + "with file, line, column and field.", "Exits 1 when anything is invalid; changes nothing."})
    static final class Validate extends Base {
        @Parameters(paramLabel = "FILE", arity = "0..*")
        List<Path> files = new ArrayList<>();

        Validate(AppServices services) {
            super(services);
        }

        @Override
        public Integer call() throws Exception {
            List<Problem> problems = new ArrayList<>();
            if (files.isEmpty()) {
                problems.addAll(catalog().load().result().problems());
            } else {
                for (Path f : files) {
                    if (!java.nio.file.Files.isRegularFile(f)) {
                        throw new java.nio.file.NoSuchFileException(f.toString(), null, "no such profile file");
                    }
                    problems.addAll(catalog().validate(f));
                }
            }
            return printProblems(problems);
        }
    }

    @Command(name = "new", description = "Create a profile from catalog services, validated before it is written.")
    static final class New extends Base {
        @Parameters(paramLabel = "NAME")
        String name;

        @Option(names = {"-s", "--service"}, required = true, paramLabel = "SERVICE[:VERSION]",
                description = "A catalog service, e.g. postgres:16 (repeat for more).")
        List<String> services;

        @Option(names = "--runtime", converter = RuntimeConverter.class, paramLabel = "docker|kind|k3d")
        Runtime runtime;

        @Option(names = {"-d", "--description"})
        String description;

        New(AppServices services) {
            super(services);
        }

        @Override
        public Integer call() throws Exception {
            CatalogService.Created c = catalog().create(new NewProfile(name, description, runtime, services,
                    System.getProperty("user.name")));
            if (c.file().isEmpty()) {
                return printProblems(c.problems());
            }
            if (output.json()) {
                out().println(Json.write(java.util.Map.of("created", c.file().get().toString())));
            } else {
                out().println("created " + c.file().get());
            }
            return ExitCodes.OK;
        }
    }
}
