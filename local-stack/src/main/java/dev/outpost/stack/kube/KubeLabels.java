package dev.outpost.stack.kube;

import dev.outpost.stack.environment.Labels;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Labels and names of what Outpost puts in a cluster. As with containers, state is read back from
 * labels: prune, wait, logs and port forwards all find an environment's objects by selector.
 */
public final class KubeLabels {
    public static final String NAME = "app.kubernetes.io/name";
    public static final String INSTANCE = "app.kubernetes.io/instance";
    public static final String MANAGED_BY = "app.kubernetes.io/managed-by";
    public static final String MANAGER = "outpost";

    private KubeLabels() {
    }

    /** The namespace an environment lives in; one per environment so `purge` can drop it whole. */
    public static String namespace(String env) {
        return "outpost-" + env;
    }

    public static Map<String, String> environment(String env) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(INSTANCE, env);
        m.put(MANAGED_BY, MANAGER);
        m.put(Labels.ENVIRONMENT, env);
        return m;
    }

    public static Map<String, String> service(String env, String service) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(NAME, service);
        m.putAll(environment(env));
        m.put(Labels.SERVICE, service);
        return m;
    }

    /**
     * The pod selector of a workload. Kept to two labels because selectors are immutable: adding a
     * label here later would make every existing Deployment fail to apply.
     */
    public static Map<String, String> selector(String env, String service) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(NAME, service);
        m.put(INSTANCE, env);
        return m;
    }
}
