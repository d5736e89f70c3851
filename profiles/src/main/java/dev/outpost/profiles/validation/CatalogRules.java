package dev.outpost.profiles.validation;

import dev.outpost.profiles.model.InferenceTarget;
import dev.outpost.profiles.model.ServiceTemplate;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/** Rules across templates (dependsOn names and cycles) and for inference targets. */
public final class CatalogRules {
    private CatalogRules() {
    }

    public static void check(Map<String, Parsed<ServiceTemplate>> templates, Map<String, Parsed<InferenceTarget>> targets,
                             Consumer<Problem> report) {
        templates.values().forEach(t -> TemplateRules.check(t, report));
        for (Parsed<ServiceTemplate> t : templates.values()) {
            List<String> deps = t.document().spec().dependsOn();
            if (deps == null) {
                continue;
            }
            for (int i = 0; i < deps.size(); i++) {
                if (!templates.containsKey(deps.get(i))) {
                    report.accept(t.problem("spec.dependsOn[" + i + "]", "\"" + deps.get(i)
                            + "\" is not a service in the catalog" + DidYouMean.suffix(deps.get(i), templates.keySet())));
                }
            }
        }
        Set<String> reported = new HashSet<>();
        for (String start : templates.keySet()) {
            List<String> cycle = cycleFrom(start, templates, new ArrayList<>(), new HashSet<>());
            if (cycle != null && reported.add(new java.util.TreeSet<>(cycle).toString())) {
                report.accept(templates.get(start).problem("spec.dependsOn", "dependency cycle: "
                        + String.join(" -> ", cycle)));
            }
        }
        targets.values().forEach(t -> target(t, report));
    }

    private static List<String> cycleFrom(String name, Map<String, Parsed<ServiceTemplate>> templates, List<String> path,
                                          Set<String> done) {
        int seen = path.indexOf(name);
        if (seen >= 0) {
            List<String> cycle = new ArrayList<>(path.subList(seen, path.size()));
            cycle.add(name);
            return cycle;
        }
        Parsed<ServiceTemplate> t = templates.get(name);
        if (t == null || t.document().spec().dependsOn() == null || !done.add(name + "@" + path.size())) {
            return null;
        }
        path.add(name);
        for (String dep : t.document().spec().dependsOn()) {
            List<String> c = cycleFrom(dep, templates, path, done);
            if (c != null) {
                return c;
            }
        }
        path.removeLast();
        return null;
    }

    private static void target(Parsed<InferenceTarget> t, Consumer<Problem> report) {
        InferenceTarget.Spec s = t.document().spec();
        try {
            URI u = URI.create(s.url());
            if (!"https".equals(u.getScheme()) && !"http".equals(u.getScheme()) || u.getHost() == null) {
                report.accept(t.problem("spec.url", "must be an http(s) URL with a host"));
            } else if (u.getUserInfo() != null) {
                report.accept(t.problem("spec.url", "must not carry credentials; Outpost keeps the token in the keychain"));
            }
        } catch (IllegalArgumentException e) {
            report.accept(t.problem("spec.url", "is not a URL: " + e.getMessage()));
        }
        if (s.costPerHour() != null && s.costPerHour() < 0) {
            report.accept(t.problem("spec.costPerHour", "cannot be negative"));
        }
    }
}
