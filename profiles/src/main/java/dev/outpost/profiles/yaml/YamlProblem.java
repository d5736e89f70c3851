package dev.outpost.profiles.yaml;

/** Something wrong with a file before its content is even looked at. */
public record YamlProblem(Location location, String message) {
}
