package dev.outpost.profiles.validation;

import dev.outpost.profiles.Runtime;
import dev.outpost.profiles.model.InferenceTarget;
import dev.outpost.profiles.model.Profile;
import dev.outpost.profiles.model.Profile.ServiceUse;
import dev.outpost.profiles.model.ServiceTemplate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/** Checks a profile against the catalog it will be resolved with. */
public final class ProfileRules {
    private static final Pattern NAME = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");

    private ProfileRules() {
    }

    public static void check(Parsed<Profile> p, Map<String, Parsed<ServiceTemplate>> templates,
                             Map<String, Parsed<InferenceTarget>> targets, Consumer<Problem> report) {
        Profile.Spec s = p.document().spec();
        if (s.cluster() != null && s.runtime() == Runtime.DOCKER) {
            report.accept(p.problem("spec.cluster", "applies to the kind and k3d runtimes, not docker"));
        }
        List<ServiceUse> services = s.services() == null ? List.of() : s.services();
        if (s.services() != null && services.isEmpty()) {
            report.accept(p.problem("spec.services", "needs at least one service"));
        }
        Map<String, Integer> names = new HashMap<>();
        Map<Integer, String> hostPorts = new HashMap<>();
        Set<String> usedTemplates = new TreeSet<>();
        for (int i = 0; i < services.size(); i++) {
            ServiceUse use = services.get(i);
            String at = "spec.services[" + i + "]";
            if (use == null || use.use() == null) {
                continue; // already reported by the shape check
            }
            Parsed<ServiceTemplate> t = templates.get(use.use());
            if (t == null) {
                report.accept(p.problem(at + ".use", "\"" + use.use() + "\" is not a service in the catalog"
                        + DidYouMean.suffix(use.use(), templates.keySet())));
                continue;
            }
            usedTemplates.add(use.use());
            ServiceTemplate.Spec ts = t.document().spec();
            if (use.version() != null && !ts.versions().offered().contains(use.version())) {
                report.accept(p.problem(at + ".version", "\"" + use.version() + "\" is not offered by catalog service "
                        + use.use() + " (offered: " + String.join(", ", ts.versions().offered()) + ")"));
            }
            String name = use.name() != null ? use.name() : use.use();
            if (!NAME.matcher(name).matches()) {
                report.accept(p.problem(at + ".name", "\"" + name + "\" is not a valid name: lowercase letters, digits, dashes"));
            }
            Integer first = names.putIfAbsent(name, i);
            if (first != null) {
                report.accept(p.problem(at + (use.name() != null ? ".name" : ".use"), "service name \"" + name
                        + "\" is already used by spec.services[" + first + "]; give one a different name"));
                continue;
            }
            List<ServiceTemplate.Port> ports = ts.ports() == null ? List.of() : ts.ports();
            Set<String> portNames = new TreeSet<>(ports.stream().map(ServiceTemplate.Port::name).toList());
            Map<String, Integer> overrides = use.ports() == null ? Map.of() : use.ports();
            overrides.forEach((portName, hostPort) -> {
                if (!portNames.contains(portName)) {
                    report.accept(p.problem(at + ".ports." + portName, use.use() + " has no port named \"" + portName
                            + "\" (ports: " + String.join(", ", portNames) + ")" + DidYouMean.suffix(portName, portNames)));
                } else {
                    TemplateRules.checkPort(p, at + ".ports." + portName, hostPort, report);
                }
            });
            for (ServiceTemplate.Port port : ports) {
                int host = overrides.getOrDefault(port.name(),
                        port.hostPort() != null ? port.hostPort() : port.containerPort());
                String owner = name + "." + port.name();
                String clash = hostPorts.putIfAbsent(host, owner);
                if (clash != null) {
                    String path = overrides.containsKey(port.name()) ? at + ".ports." + port.name() : at;
                    report.accept(p.problem(path, "host port " + host + " of " + owner + " is already taken by "
                            + clash + "; set spec.services[" + i + "].ports." + port.name() + " to a free port"));
                }
            }
        }
        for (int i = 0; i < services.size(); i++) {
            Parsed<ServiceTemplate> t = services.get(i) == null ? null : templates.get(services.get(i).use());
            if (t == null || t.document().spec().dependsOn() == null) {
                continue;
            }
            for (String dep : t.document().spec().dependsOn()) {
                if (!usedTemplates.contains(dep)) {
                    report.accept(p.problem("spec.services[" + i + "]", services.get(i).use() + " depends on " + dep
                            + ", which this profile does not include; add a service with use: " + dep));
                }
            }
        }
        inference(p, s.inference(), targets, report);
        if (s.idle() != null) {
            idle(p, s.idle(), report);
        }
        if (s.cluster() != null) {
            cluster(p, s.cluster(), report);
        }
        if (s.manifests() != null) {
            for (int i = 0; i < s.manifests().size(); i++) {
                String m = s.manifests().get(i);
                if (m.startsWith("/") || m.contains("..") || m.contains("\\")) {
                    report.accept(p.problem("spec.manifests[" + i + "]", "must be a path inside the repository, relative to the profile"));
                }
            }
        }
    }

    private static void inference(Parsed<Profile> p, Profile.Inference inf, Map<String, Parsed<InferenceTarget>> targets,
                                  Consumer<Problem> report) {
        if (inf == null) {
            return;
        }
        if (inf.target() != null && !targets.containsKey(inf.target())) {
            report.accept(p.problem("spec.inference.target", "\"" + inf.target() + "\" is not an inference target in the catalog"
                    + (targets.isEmpty() ? " (the catalog has none)" : " (targets: " + String.join(", ", targets.keySet()) + ")")
                    + DidYouMean.suffix(inf.target(), targets.keySet())));
        }
        if (inf.placement() == Profile.Placement.REMOTE && inf.target() == null) {
            report.accept(p.problem("spec.inference.placement", "remote placement needs spec.inference.target"));
        }
        if (inf.models() != null) {
            for (int i = 0; i < inf.models().size(); i++) {
                if (!inf.models().get(i).matches("[a-z0-9][a-z0-9._/-]*(:[A-Za-z0-9._-]+)?")) {
                    report.accept(p.problem("spec.inference.models[" + i + "]", "\"" + inf.models().get(i)
                            + "\" is not a model name like llama3.2:3b"));
                }
            }
        }
    }

    private static void cluster(Parsed<Profile> p, Profile.Cluster c, Consumer<Problem> report) {
        if (c.name() != null && !NAME.matcher(c.name()).matches()) {
            report.accept(p.problem("spec.cluster.name", "\"" + c.name() + "\" is not a valid cluster name"));
        }
        if (c.workers() != null && (c.workers() < 0 || c.workers() > 10)) {
            report.accept(p.problem("spec.cluster.workers", "must be between 0 and 10"));
        }
        if (c.kubernetesVersion() != null && !c.kubernetesVersion().matches("v?\\d+\\.\\d+(\\.\\d+)?")) {
            report.accept(p.problem("spec.cluster.kubernetesVersion", "\"" + c.kubernetesVersion()
                    + "\" is not a Kubernetes version like v1.33.1"));
        }
        if (c.ports() != null) {
            for (int i = 0; i < c.ports().size(); i++) {
                TemplateRules.checkPort(p, "spec.cluster.ports[" + i + "].hostPort", c.ports().get(i).hostPort(), report);
                TemplateRules.checkPort(p, "spec.cluster.ports[" + i + "].containerPort", c.ports().get(i).containerPort(), report);
            }
        }
    }

    private static void idle(Parsed<Profile> p, Profile.Idle idle, Consumer<Problem> report) {
        if (idle.stopAfter() != null && !"never".equals(idle.stopAfter()) && Durations.parse(idle.stopAfter()).isEmpty()) {
            report.accept(p.problem("spec.idle.stopAfter", "\"" + idle.stopAfter()
                    + "\" is not a duration (e.g. 30m, 2h) or \"never\""));
        }
        if (idle.cpuThreshold() != null && (idle.cpuThreshold() < 0 || idle.cpuThreshold() > 100)) {
            report.accept(p.problem("spec.idle.cpuThreshold", idle.cpuThreshold()
                    + " is not a percentage of one core between 0 and 100"));
        }
        if (idle.modelKeepAlive() != null && Durations.parse(idle.modelKeepAlive()).isEmpty()) {
            report.accept(p.problem("spec.idle.modelKeepAlive", "\"" + idle.modelKeepAlive()
                    + "\" is not a duration (e.g. 5m, 1h)"));
        }
        if (idle.releaseRemoteAfter() != null && Durations.parse(idle.releaseRemoteAfter()).isEmpty()) {
            report.accept(p.problem("spec.idle.releaseRemoteAfter", "\"" + idle.releaseRemoteAfter()
                    + "\" is not a duration (e.g. 15m, 1h)"));
        }
    }
}
