package dev.outpost.stack.kube;

import dev.outpost.stack.environment.Labels;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Server-side apply of an environment's objects under one field manager, and pruning of what the
 * environment no longer renders. Server-side apply makes a repeated `up` idempotent without our own
 * state file, and lets a changed profile update objects in place.
 */
public final class ManifestApplier {
    /** Field manager of every Outpost apply; force takes fields over from e.g. a user's kubectl edit. */
    public static final String FIELD_MANAGER = "outpost";

    /** Kinds prune looks at, besides those being applied. Namespace last: deleting it cascades. */
    private static final List<Class<? extends HasMetadata>> PRUNED_KINDS = List.of(Deployment.class,
            StatefulSet.class, Service.class, Secret.class, ConfigMap.class, PersistentVolumeClaim.class);

    public enum Outcome { CREATED, CHANGED, UNCHANGED, DELETED }

    /**
     * What happened to one object.
     *
     * @param service the object's {@value Labels#SERVICE} label, empty for environment-wide objects
     */
    public record Applied(String kind, String namespace, String name, String service, Outcome outcome) {
        static Applied of(HasMetadata o, Outcome outcome) {
            String service = o.getMetadata().getLabels() == null ? null : o.getMetadata().getLabels().get(Labels.SERVICE);
            return new Applied(o.getKind(), o.getMetadata().getNamespace(), o.getMetadata().getName(),
                    service == null ? "" : service, outcome);
        }

        @Override
        public String toString() {
            return kind + " " + (namespace == null ? "" : namespace + "/") + name + ": " + outcome.name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final KubernetesClient client;

    public ManifestApplier(KubernetesClient client) {
        this.client = client;
    }

    /** Applies each object in order and reports, in the same order, whether it was created, changed or left alone. */
    public List<Applied> apply(List<HasMetadata> objects) {
        List<Applied> out = new ArrayList<>();
        for (HasMetadata o : objects) {
            out.add(applyOne(o));
        }
        return out;
    }

    private Applied applyOne(HasMetadata intent) {
        HasMetadata desired = forApply(intent);
        HasMetadata before = client.resource(desired).get();
        HasMetadata after = client.resource(desired).fieldManager(FIELD_MANAGER).forceConflicts().serverSideApply();
        Outcome outcome = before == null ? Outcome.CREATED : changed(before, after) ? Outcome.CHANGED : Outcome.UNCHANGED;
        return Applied.of(desired, outcome);
    }

    /**
     * A no-op apply leaves resourceVersion alone. A different resourceVersion can still be only a
     * controller's status update between our read and our apply, so then the content decides.
     */
    static boolean changed(HasMetadata before, HasMetadata after) {
        if (Objects.equals(before.getMetadata().getResourceVersion(), after.getMetadata().getResourceVersion())) {
            return false;
        }
        return !content(before).equals(content(after));
    }

    private static JsonNode content(HasMetadata o) {
        JsonNode n = Serialization.jsonMapper().valueToTree(o);
        if (n instanceof ObjectNode obj) {
            obj.remove("status");
            if (obj.get("metadata") instanceof ObjectNode meta) {
                meta.remove(List.of("resourceVersion", "managedFields", "generation"));
            }
        }
        return n;
    }

    /** Server-side apply refuses objects carrying server-owned fields, which extra manifests copied from a cluster often do. */
    private static HasMetadata forApply(HasMetadata o) {
        if (o.getMetadata().getResourceVersion() == null && o.getMetadata().getUid() == null
                && o.getMetadata().getManagedFields().isEmpty()) {
            return o;
        }
        HasMetadata copy = Serialization.unmarshal(Serialization.asJson(o), o.getClass());
        copy.getMetadata().setResourceVersion(null);
        copy.getMetadata().setUid(null);
        copy.getMetadata().setManagedFields(null);
        copy.getMetadata().setCreationTimestamp(null);
        return copy;
    }

    /**
     * Deletes the environment's objects (found by its {@value Labels#ENVIRONMENT} label) that are not
     * in {@code keep}. Claims and the namespace hold data: they go only on purge, and deleting the
     * namespace takes everything in it along. Kinds the client has no model for are not pruned.
     *
     * @param keep the objects just applied; pass an empty list to take the whole environment down
     */
    public List<Applied> prune(String env, List<HasMetadata> keep, boolean purge) {
        Set<String> kept = new HashSet<>();
        keep.forEach(o -> kept.add(key(o)));
        Set<Class<? extends HasMetadata>> kinds = new LinkedHashSet<>(PRUNED_KINDS);
        for (HasMetadata o : keep) {
            if (!(o instanceof GenericKubernetesResource) && !(o instanceof Namespace)) {
                kinds.add(o.getClass());
            }
        }
        List<Applied> out = new ArrayList<>();
        for (Class<? extends HasMetadata> kind : kinds) {
            if (kind == PersistentVolumeClaim.class && !purge) {
                continue;
            }
            for (HasMetadata o : client.resources(kind).inAnyNamespace().withLabel(Labels.ENVIRONMENT, env).list().getItems()) {
                if (!kept.contains(key(o))) {
                    client.resource(o).delete();
                    out.add(Applied.of(o, Outcome.DELETED));
                }
            }
        }
        if (purge) {
            for (Namespace ns : client.namespaces().withLabel(Labels.ENVIRONMENT, env).list().getItems()) {
                if (!kept.contains(key(ns))) {
                    client.resource(ns).delete();
                    out.add(Applied.of(ns, Outcome.DELETED));
                }
            }
        }
        return out;
    }

    private static String key(HasMetadata o) {
        return o.getKind() + "/" + Objects.toString(o.getMetadata().getNamespace(), "") + "/" + o.getMetadata().getName();
    }
}
