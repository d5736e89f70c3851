package dev.outpost.stack.environment;

/** @param keepOnFailure leave what a failed `up` created, for inspection, instead of rolling it back */
public record UpOptions(boolean keepOnFailure) {
    public static UpOptions defaults() {
        return new UpOptions(false);
    }
}
