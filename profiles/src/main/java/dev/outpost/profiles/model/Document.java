package dev.outpost.profiles.model;

/** What every document has: apiVersion, kind and metadata, then a kind-specific spec. */
public sealed interface Document permits Platform, ServiceTemplate, InferenceTarget, Profile {
    String apiVersion();

    String kind();

    Metadata metadata();

    default String name() {
        return metadata().name();
    }
}
