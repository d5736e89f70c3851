package dev.outpost.stack.inference;

/** A finished generate: the whole response and how it went. */
public record GenerateResult(String model, String response, GenerationStats stats) {
}
