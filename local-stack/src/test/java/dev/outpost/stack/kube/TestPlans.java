package dev.outpost.stack.kube;

import dev.outpost.profiles.catalog.BuiltInCatalog;
import dev.outpost.profiles.catalog.Catalog;
import dev.outpost.profiles.catalog.CatalogLoader;
import dev.outpost.profiles.model.ServiceTemplate;
import dev.outpost.profiles.resolve.Plan;
import dev.outpost.profiles.resolve.ResolveOptions;
import dev.outpost.profiles.resolve.Resolver;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** Plans for the kube tests: the built-in data-pipeline sample (kafka, minio, postgres as "warehouse"), resolved for real. */
final class TestPlans {
    static final String ENV = "data-pipeline";

    private TestPlans() {
    }

    static Plan dataPipeline() {
        Catalog catalog = new CatalogLoader().load(List.of(BuiltInCatalog.layer())).catalog();
        return new Resolver(catalog, ResolveOptions.defaults()).resolve(catalog.profile(ENV).orElseThrow().profile());
    }

    /** An inference server that needs a GPU, made by hand: the sample has none. */
    static Plan.Service gpuService() {
        return new Plan.Service("llm", "ollama", "0.32.15", "docker.io/ollama/ollama:0.32.15",
                List.of(new Plan.Port("api", 11434, 21434, "127.0.0.1", ServiceTemplate.Protocol.TCP)),
                Map.of("OLLAMA_HOST", "0.0.0.0:11434"), List.of("/bin/ollama"), List.of("serve"), List.of(),
                new ServiceTemplate.Readiness(null, new ServiceTemplate.HttpCheck("api", "/api/version"), null, null, "45s"),
                null, Map.of(), List.of(), true, "sha256:llm");
    }

    static Plan with(Plan plan, Plan.Service added) {
        List<Plan.Service> services = new ArrayList<>(plan.services());
        services.add(added);
        return new Plan(plan.profile(), plan.runtime(), services, plan.cluster(), plan.inference(), plan.idle(),
                plan.digest() + "+" + added.name());
    }

    static Plan without(Plan plan, String name) {
        return new Plan(plan.profile(), plan.runtime(),
                plan.services().stream().filter(s -> !s.name().equals(name)).toList(),
                plan.cluster(), plan.inference(), plan.idle(), plan.digest() + "-" + name);
    }

    static Plan changing(Plan plan, String name, UnaryOperator<Plan.Service> change) {
        return new Plan(plan.profile(), plan.runtime(),
                plan.services().stream().map(s -> s.name().equals(name) ? change.apply(s) : s).toList(),
                plan.cluster(), plan.inference(), plan.idle(), plan.digest() + "~" + name);
    }

    static Plan.Service withImage(Plan.Service s, String image) {
        return new Plan.Service(s.name(), s.template(), s.version(), image, s.ports(), s.env(), s.command(), s.args(),
                s.volumes(), s.readiness(), s.resources(), s.connection(), s.dependsOn(), s.gpu(), s.digest() + "'");
    }

    static Plan.Service withReadiness(Plan.Service s, ServiceTemplate.Readiness r) {
        return new Plan.Service(s.name(), s.template(), s.version(), s.image(), s.ports(), s.env(), s.command(), s.args(),
                s.volumes(), r, s.resources(), s.connection(), s.dependsOn(), s.gpu(), s.digest());
    }
}
