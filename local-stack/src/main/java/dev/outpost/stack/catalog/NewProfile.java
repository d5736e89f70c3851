package dev.outpost.stack.catalog;

import dev.outpost.profiles.Runtime;
import java.util.List;

/**
 * What a user asks for when creating a profile from catalog picks.
 *
 * @param services catalog names, each optionally with a version: {@code postgres:16}
 */
public record NewProfile(String name, String description, Runtime runtime, List<String> services, String owner) {
    public NewProfile {
        services = List.copyOf(services);
    }
}
