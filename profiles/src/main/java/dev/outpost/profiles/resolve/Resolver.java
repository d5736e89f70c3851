package dev.outpost.profiles.resolve;

import dev.outpost.profiles.Runtime;
import dev.outpost.profiles.catalog.Catalog;
import dev.outpost.profiles.model.Platform;
import dev.outpost.profiles.model.Profile;
import dev.outpost.profiles.model.ServiceTemplate;
import dev.outpost.profiles.validation.Durations;
import dev.outpost.profiles.validation.Placeholders;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Turns a validated profile and its catalog into a {@link Plan}. */
public final class Resolver {
    static final String LOOPBACK = "127.0.0.1";
    private static final JsonMapper CANONICAL = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();

    private final Catalog catalog;
    private final ResolveOptions options;

    public Resolver(Catalog catalog, ResolveOptions options) {
        this.catalog = catalog;
        this.options = options;
    }

    /** @throws IllegalArgumentException if the profile refers to what the catalog lacks (validation prevents it) */
    public Plan resolve(Profile profile) {
        Optional<Platform.Spec> platform = catalog.platform().map(p -> p.document().spec());
        Profile.Spec spec = profile.spec();
        Runtime runtime = spec.runtime() != null ? spec.runtime()
                : platform.map(Platform.Spec::defaultRuntime).orElse(options.defaultRuntime());
        String mirror = options.registryMirror() != null ? options.registryMirror()
                : platform.map(Platform.Spec::registryMirror).orElse(null);

        Map<String, String> nameOfTemplate = new HashMap<>();
        for (Profile.ServiceUse use : spec.services()) {
            nameOfTemplate.putIfAbsent(use.use(), use.name() != null ? use.name() : use.use());
        }
        List<Plan.Service> services = new ArrayList<>();
        for (Profile.ServiceUse use : spec.services()) {
            services.add(service(use, mirror, nameOfTemplate));
        }
        Optional<Plan.Cluster> cluster = runtime.needsCluster()
                ? Optional.of(cluster(profile, spec.cluster(), platform)) : Optional.empty();
        Optional<Plan.Inference> inference = Optional.ofNullable(spec.inference()).map(i -> new Plan.Inference(
                i.models() == null ? List.of() : List.copyOf(i.models()),
                i.placement() == null ? Profile.Placement.AUTO : i.placement(), Optional.ofNullable(i.target())));
        Plan.Idle idle = idle(spec.idle());
        Plan draft = new Plan(profile.name(), runtime, services, cluster, inference, idle, "");
        return new Plan(profile.name(), runtime, services, cluster, inference, idle, digest(draft));
    }

    private Plan.Service service(Profile.ServiceUse use, String mirror, Map<String, String> nameOfTemplate) {
        ServiceTemplate t = catalog.template(use.use())
                .orElseThrow(() -> new IllegalArgumentException("no catalog service " + use.use()));
        ServiceTemplate.Spec s = t.spec();
        String version = use.version() != null ? use.version() : s.versions().defaultVersion();
        String name = use.name() != null ? use.name() : use.use();
        String image = ImageReference.parse(s.image().replace("{{version}}", version)).throughMirror(mirror).toString();
        Map<String, Integer> overrides = use.ports() == null ? Map.of() : use.ports();
        List<Plan.Port> ports = new ArrayList<>();
        for (ServiceTemplate.Port p : s.ports() == null ? List.<ServiceTemplate.Port>of() : s.ports()) {
            int host = overrides.getOrDefault(p.name(), p.hostPort() != null ? p.hostPort() : p.containerPort());
            ports.add(new Plan.Port(p.name(), p.containerPort(), host, LOOPBACK,
                    p.protocol() == null ? ServiceTemplate.Protocol.TCP : p.protocol()));
        }
        Map<String, String> env = new TreeMap<>(s.env() == null ? Map.of() : s.env());
        if (use.env() != null) {
            env.putAll(use.env());
        }
        Map<String, String> connection = new LinkedHashMap<>();
        if (s.connection() != null) {
            s.connection().forEach((k, v) -> connection.put(k, fill(v, name, ports, env)));
        }
        List<String> deps = s.dependsOn() == null ? List.of()
                : s.dependsOn().stream().map(d -> nameOfTemplate.getOrDefault(d, d)).toList();
        List<Plan.Volume> volumes = s.volumes() == null ? List.of()
                : s.volumes().stream().map(v -> new Plan.Volume(v.name(), v.mountPath())).toList();
        Plan.Service draft = new Plan.Service(name, use.use(), version, image, ports, env,
                s.command() == null ? List.of() : s.command(), s.args() == null ? List.of() : s.args(), volumes,
                s.readiness(), s.resources(), connection, deps, Boolean.TRUE.equals(s.gpu()), "");
        return new Plan.Service(name, use.use(), version, image, ports, env, draft.command(), draft.args(), volumes,
                s.readiness(), s.resources(), connection, deps, draft.gpu(), digest(draft));
    }

    /** Fills everything but secrets, which only the runtime knows. */
    private static String fill(String template, String name, List<Plan.Port> ports, Map<String, String> env) {
        String out = template;
        for (Placeholders.Placeholder ph : Placeholders.in(template)) {
            String value = switch (ph.kind()) {
                case "host" -> LOOPBACK;
                case "name" -> name;
                case "port" -> ports.stream().filter(p -> p.name().equals(ph.argument())).findFirst()
                        .map(p -> String.valueOf(p.hostPort())).orElse(ph.text());
                case "env" -> env.getOrDefault(ph.argument(), ph.text());
                default -> ph.text();
            };
            out = out.replace(ph.text(), value);
        }
        return out;
    }

    private static Plan.Cluster cluster(Profile profile, Profile.Cluster c, Optional<Platform.Spec> platform) {
        String version = c != null && c.kubernetesVersion() != null ? c.kubernetesVersion()
                : platform.map(Platform.Spec::kubernetesVersion).orElse(null);
        return new Plan.Cluster(c != null && c.name() != null ? c.name() : profile.name(), version,
                c != null && c.workers() != null ? c.workers() : 0,
                c != null && c.ports() != null ? List.copyOf(c.ports()) : List.of(),
                profile.spec().manifests() != null ? List.copyOf(profile.spec().manifests()) : List.of());
    }

    static String digest(Object value) {
        try {
            byte[] json = CANONICAL.writeValueAsString(value).getBytes(StandardCharsets.UTF_8);
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Plan.Idle idle(Profile.Idle idle) {
        if (idle == null) {
            return Plan.Idle.DEFAULTS;
        }
        return new Plan.Idle(Durations.parse(idle.stopAfter()), "never".equals(idle.stopAfter()),
                Optional.ofNullable(idle.cpuThreshold()), Durations.parse(idle.modelKeepAlive()),
                Durations.parse(idle.releaseRemoteAfter()));
    }
}
