package dev.outpost.profiles.model;

import java.util.Map;

public record Metadata(
        @Required @Doc("Unique name within its kind: lowercase letters, digits and dashes.") String name,
        @Doc("One line for people.") String description,
        @Doc("Who maintains it (team or user).") String owner,
        @Doc("Free-form labels.") Map<String, String> labels) {
}
