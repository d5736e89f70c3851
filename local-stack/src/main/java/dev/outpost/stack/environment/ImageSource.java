package dev.outpost.stack.environment;

/** Makes an image present on the engine, pulling it if needed. */
@FunctionalInterface
public interface ImageSource {
    /** @param progress called with human progress text ("12.3 MB of 80 MB, 4 s left") while pulling */
    void ensure(String image, java.util.function.Consumer<String> progress) throws InterruptedException;
}
