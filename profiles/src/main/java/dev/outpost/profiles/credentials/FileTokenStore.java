package dev.outpost.profiles.credentials;

import dev.outpost.profiles.files.PrivateFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tokens in {@value #FILE_NAME}, a JSON object of account to token, for computers where no OS
 * keychain answers. The file is written 0600 in a 0700 directory.
 *
 * <p>A file that others can read is refused rather than tightened, the way ssh treats a private
 * key: once other users could read it, its tokens may have leaked, and quietly fixing the mode would
 * hide that. The message says how to fix the mode or start afresh.
 */
public final class FileTokenStore implements TokenStore {
    public static final String FILE_NAME = "tokens.json";
    private static final TypeReference<TreeMap<String, String>> MAP = new TypeReference<>() {
    };

    private final Path file;
    private final String whyNotKeychain;
    private final JsonMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    public FileTokenStore(Path directory) {
        this(directory, null);
    }

    /** @param whyNotKeychain said in {@link #backendDescription()}, or null when the file was chosen on purpose */
    FileTokenStore(Path directory, String whyNotKeychain) {
        this.file = directory.resolve(FILE_NAME);
        this.whyNotKeychain = whyNotKeychain;
    }

    public Path file() {
        return file;
    }

    @Override
    public synchronized Optional<String> get(String account) {
        return Optional.ofNullable(read().get(account));
    }

    @Override
    public synchronized void put(String account, String token) {
        Map<String, String> tokens = read();
        tokens.put(account, token);
        write(tokens);
    }

    @Override
    public synchronized void delete(String account) {
        Map<String, String> tokens = read();
        if (tokens.remove(account) != null) {
            write(tokens);
        }
    }

    @Override
    public String backendDescription() {
        String where = "Tokens are kept in " + file + " (readable by you alone, mode 0600)";
        return whyNotKeychain == null ? where + "." : where + " because no OS keychain answered (" + whyNotKeychain + ").";
    }

    private Map<String, String> read() {
        byte[] bytes;
        try {
            refuseIfShared();
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return new TreeMap<>();
        } catch (IOException e) {
            throw new TokenStoreException("Could not read " + file + ": " + e.getMessage(), e);
        }
        try {
            TreeMap<String, String> tokens = json.readValue(bytes, MAP);
            return tokens == null ? new TreeMap<>() : tokens;
        } catch (JacksonException e) {
            // Jackson's own message quotes the text around the error, which may be a token.
            var at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new TokenStoreException(file + " is not a valid token file" + where
                    + ". Fix it by hand, or delete it and enter your tokens again.");
        }
    }

    private void refuseIfShared() throws IOException {
        if (!Files.exists(file)) {
            return;
        }
        Optional<String> mode = PrivateFiles.widerThanOwnerOnly(file);
        if (mode.isPresent()) {
            throw new TokenStoreException(file + " can be read or written by other users (mode " + mode.get()
                    + "), so Outpost will not use the tokens in it. If no one else could have read it, run"
                    + " `chmod 600 " + file + "`; otherwise delete it, revoke those tokens and enter new ones.");
        }
    }

    private void write(Map<String, String> tokens) {
        try {
            PrivateFiles.createDirectories(file.toAbsolutePath().getParent());
            PrivateFiles.writeAtomically(file, json.writeValueAsBytes(tokens));
        } catch (IOException e) {
            throw new TokenStoreException("Could not write " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "FileTokenStore[" + file + "]";
    }
}
