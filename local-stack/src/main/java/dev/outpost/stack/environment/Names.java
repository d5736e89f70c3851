package dev.outpost.stack.environment;

/** Engine object names, prefixed so they are recognisable in `docker ps` and never clash with a user's. */
public final class Names {
    private Names() {
    }

    public static String network(String env) {
        return "outpost-" + env;
    }

    public static String container(String env, String service) {
        return "outpost-" + env + "-" + service;
    }

    public static String volume(String env, String service, String volume) {
        return "outpost-" + env + "-" + service + "-" + volume;
    }
}
