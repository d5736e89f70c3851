package dev.outpost.stack.kube;

import dev.outpost.stack.environment.Labels;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Loads a profile's own Kubernetes manifests (multi-document YAML) so they are applied, labelled and
 * pruned with the environment like rendered objects.
 *
 * <p>Namespaced objects without a namespace land in the environment's. Objects of kinds the client
 * has no model for (custom resources) are taken as namespaced, which is what nearly all are.
 */
public final class ExtraManifests {
    private ExtraManifests() {
    }

    public static List<HasMetadata> load(String env, List<Path> files) {
        List<HasMetadata> out = new ArrayList<>();
        for (Path f : files) {
            out.addAll(load(env, f));
        }
        return out;
    }

    static List<HasMetadata> load(String env, Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new ManifestException(file, "cannot be read: " + e.getMessage(), e);
        }
        Object parsed;
        try {
            parsed = Serialization.unmarshal(text);
        } catch (RuntimeException e) {
            throw new ManifestException(file, "is not valid Kubernetes YAML: " + firstLine(e.getMessage()), e);
        }
        List<Object> docs = new ArrayList<>();
        if (parsed instanceof Collection<?> c) {
            docs.addAll(c);
        } else if (parsed instanceof io.fabric8.kubernetes.api.model.KubernetesList l) {
            docs.addAll(l.getItems());
        } else if (parsed != null) {
            docs.add(parsed);
        }
        List<HasMetadata> out = new ArrayList<>();
        int index = 0;
        for (Object doc : docs) {
            index++;
            if (doc == null) {
                continue; // an empty document, e.g. after a trailing ---
            }
            if (!(doc instanceof HasMetadata h)) {
                throw new ManifestException(file, "document " + index + " is not a Kubernetes object ("
                        + (doc instanceof KubernetesResource ? doc.getClass().getSimpleName() : "no kind") + ")", null);
            }
            if (blank(h.getApiVersion()) || blank(h.getKind()) || h.getMetadata() == null
                    || blank(h.getMetadata().getName())) {
                throw new ManifestException(file, "document " + index
                        + " needs apiVersion, kind and metadata.name", null);
            }
            out.add(place(env, h));
        }
        return out;
    }

    private static HasMetadata place(String env, HasMetadata h) {
        boolean namespaced = h instanceof Namespaced || h instanceof GenericKubernetesResource;
        if (namespaced && blank(h.getMetadata().getNamespace())) {
            h.getMetadata().setNamespace(KubeLabels.namespace(env));
        }
        // The user's labels are kept, but the two prune relies on are always ours.
        Map<String, String> labels = new LinkedHashMap<>(KubeLabels.environment(env));
        if (h.getMetadata().getLabels() != null) {
            labels.putAll(h.getMetadata().getLabels());
        }
        labels.put(Labels.ENVIRONMENT, env);
        labels.put(KubeLabels.MANAGED_BY, KubeLabels.MANAGER);
        h.getMetadata().setLabels(labels);
        return h;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unreadable";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
