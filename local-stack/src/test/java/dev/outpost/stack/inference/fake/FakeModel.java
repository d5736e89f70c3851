package dev.outpost.stack.inference.fake;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A model a double knows. The digest is derived from the name, so it is stable from run to run.
 *
 * @param name          {@code model:tag}; a name without a tag gets {@code :latest}, as Ollama does
 * @param size          bytes on disk
 * @param family        e.g. {@code llama}
 * @param parameterSize e.g. {@code 3.2B}
 * @param quantization  e.g. {@code Q4_K_M}
 */
public record FakeModel(String name, long size, String family, String parameterSize, String quantization) {
    public FakeModel {
        name = withTag(name);
    }

    public static FakeModel of(String name, long size) {
        return new FakeModel(name, size, "llama", "3.2B", "Q4_K_M");
    }

    public String digest() {
        return sha256(name);
    }

    static String withTag(String name) {
        int slash = name.lastIndexOf('/');
        return name.indexOf(':', slash + 1) < 0 ? name + ":latest" : name;
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
