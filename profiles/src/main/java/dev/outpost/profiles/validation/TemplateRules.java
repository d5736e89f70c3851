package dev.outpost.profiles.validation;

import dev.outpost.profiles.model.ServiceTemplate;
import dev.outpost.profiles.model.ServiceTemplate.Port;
import dev.outpost.profiles.model.ServiceTemplate.Readiness;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/** Checks that a service template makes sense on its own. */
final class TemplateRules {
    private TemplateRules() {
    }

    static void check(Parsed<ServiceTemplate> t, Consumer<Problem> report) {
        ServiceTemplate.Spec s = t.document().spec();
        List<String> offered = s.versions().offered();
        if (offered.isEmpty()) {
            report.accept(t.problem("spec.versions.offered", "must offer at least one version"));
        } else if (!offered.contains(s.versions().defaultVersion())) {
            report.accept(t.problem("spec.versions.default", "\"" + s.versions().defaultVersion()
                    + "\" is not among the offered versions (" + String.join(", ", offered) + ")"));
        }
        if (!s.image().contains("{{version}}")) {
            report.accept(t.problem("spec.image", "must contain the {{version}} placeholder"));
        }
        Set<String> portNames = new HashSet<>();
        Set<Integer> containerPorts = new HashSet<>();
        List<Port> ports = s.ports() == null ? List.of() : s.ports();
        for (int i = 0; i < ports.size(); i++) {
            Port p = ports.get(i);
            String at = "spec.ports[" + i + "]";
            if (!portNames.add(p.name())) {
                report.accept(t.problem(at + ".name", "port name \"" + p.name() + "\" is used twice"));
            }
            if (!containerPorts.add(p.containerPort())) {
                report.accept(t.problem(at + ".containerPort", "container port " + p.containerPort() + " is used twice"));
            }
            checkPort(t, at + ".containerPort", p.containerPort(), report);
            if (p.hostPort() != null) {
                checkPort(t, at + ".hostPort", p.hostPort(), report);
            }
        }
        if (s.readiness() != null) {
            readiness(t, s.readiness(), portNames, report);
        }
        Map<String, String> connection = s.connection() == null ? Map.of() : s.connection();
        Set<String> envNames = s.env() == null ? Set.of() : s.env().keySet();
        connection.forEach((name, template) -> placeholders(t, "spec.connection." + name, template, portNames,
                envNames, report));
        if (s.env() != null) {
            s.env().forEach((name, value) -> Placeholders.in(value).forEach(ph -> {
                if (!ph.kind().equals("secret") || ph.argument() == null) {
                    report.accept(t.problem("spec.env." + name, "only {{secret:NAME}} may appear in env values, found "
                            + ph.text()));
                }
            }));
        }
    }

    static void checkPort(Parsed<?> doc, String path, int port, Consumer<Problem> report) {
        if (port < 1 || port > 65535) {
            report.accept(doc.problem(path, port + " is not a port number (1-65535)"));
        }
    }

    private static void readiness(Parsed<ServiceTemplate> t, Readiness r, Set<String> portNames,
                                  Consumer<Problem> report) {
        int kinds = (r.tcp() != null ? 1 : 0) + (r.http() != null ? 1 : 0) + (r.exec() != null ? 1 : 0)
                + (r.log() != null ? 1 : 0);
        if (kinds != 1) {
            report.accept(t.problem("spec.readiness", "needs exactly one of tcp, http, exec or log (found " + kinds + ")"));
        }
        if (r.tcp() != null && !portNames.contains(r.tcp().port())) {
            report.accept(t.problem("spec.readiness.tcp.port", unknownPort(r.tcp().port(), portNames)));
        }
        if (r.http() != null && !portNames.contains(r.http().port())) {
            report.accept(t.problem("spec.readiness.http.port", unknownPort(r.http().port(), portNames)));
        }
        if (r.exec() != null && r.exec().isEmpty()) {
            report.accept(t.problem("spec.readiness.exec", "needs a command"));
        }
        if (r.log() != null) {
            try {
                java.util.regex.Pattern.compile(r.log().pattern());
            } catch (java.util.regex.PatternSyntaxException e) {
                report.accept(t.problem("spec.readiness.log.pattern", "not a valid regular expression: "
                        + e.getDescription()));
            }
        }
        if (r.timeout() != null && Durations.parse(r.timeout()).isEmpty()) {
            report.accept(t.problem("spec.readiness.timeout", "\"" + r.timeout() + "\" is not a duration (e.g. 60s, 2m)"));
        }
    }

    private static void placeholders(Parsed<ServiceTemplate> t, String path, String template, Set<String> ports,
                                     Set<String> env, Consumer<Problem> report) {
        for (Placeholders.Placeholder ph : Placeholders.in(template)) {
            String problem = switch (ph.kind()) {
                case "host", "name" -> ph.argument() == null ? null : ph.text() + " takes no argument";
                case "port" -> ports.contains(ph.argument()) ? null : unknownPort(String.valueOf(ph.argument()), ports);
                case "env" -> env.contains(ph.argument()) ? null
                        : ph.text() + " names no variable of spec.env" + DidYouMean.suffix(String.valueOf(ph.argument()), env);
                case "secret" -> ph.argument() == null ? "{{secret:NAME}} needs a name" : null;
                default -> "unknown placeholder " + ph.text() + " (known: host, name, port:NAME, env:NAME, secret:NAME)";
            };
            if (problem != null) {
                report.accept(t.problem(path, problem));
            }
        }
    }

    private static String unknownPort(String name, Set<String> known) {
        return "no port is named \"" + name + "\" (ports: " + String.join(", ", new java.util.TreeSet<>(known)) + ")"
                + DidYouMean.suffix(name, known);
    }
}
