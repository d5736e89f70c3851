package dev.outpost.stack.inference;

/** A finished chat: the whole assistant message and how it went. */
public record ChatResult(String model, ChatMessage message, String thinking, GenerationStats stats) {
}
