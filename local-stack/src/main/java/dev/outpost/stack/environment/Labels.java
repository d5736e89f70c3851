package dev.outpost.stack.environment;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Labels on everything Outpost creates. State is read back from them, never from a file of our
 * own, so `status` is exact after a restart or a crash, and nothing else on the engine is touched.
 */
public final class Labels {
    public static final String MANAGED = "dev.outpost.managed";
    public static final String ENVIRONMENT = "dev.outpost.environment";
    public static final String SERVICE = "dev.outpost.service";
    public static final String PROFILE_DIGEST = "dev.outpost.profile-digest";
    public static final String SERVICE_DIGEST = "dev.outpost.service-digest";
    public static final String OUTPOST_VERSION = "dev.outpost.version";

    private Labels() {
    }

    public static Map<String, String> environment(String env, String outpostVersion) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(MANAGED, "true");
        m.put(ENVIRONMENT, env);
        m.put(OUTPOST_VERSION, outpostVersion);
        return m;
    }

    public static Map<String, String> service(String env, String service, String profileDigest, String serviceDigest,
                                              String outpostVersion) {
        Map<String, String> m = environment(env, outpostVersion);
        m.put(SERVICE, service);
        m.put(PROFILE_DIGEST, profileDigest);
        m.put(SERVICE_DIGEST, serviceDigest);
        return m;
    }
}
