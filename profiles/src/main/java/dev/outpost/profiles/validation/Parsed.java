package dev.outpost.profiles.validation;

import dev.outpost.profiles.model.Document;

/** A document that passed the shape check, with the index that locates its fields in its file. */
public record Parsed<T extends Document>(T document, LocationIndex locations) {
    public String file() {
        return locations.file();
    }

    public Problem problem(String path, String message) {
        return locations.problem(path, message);
    }

    @SuppressWarnings("unchecked")
    public <U extends Document> Parsed<U> as(Class<U> type) {
        return (Parsed<U>) this;
    }
}
