package dev.outpost.stack.settings;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Creates directories and files readable by their owner alone (0700 / 0600), because Outpost's
 * directories hold kubeconfigs, tokens and generated secrets. On file systems without POSIX
 * permissions (Windows) the user profile's ACLs already keep other users out.
 */
public final class OwnerOnly {
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    private static final Set<PosixFilePermission> DIR = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private OwnerOnly() {
    }

    public static Path createDirectories(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            Path parent = dir.toAbsolutePath().getParent();
            if (parent != null && !Files.isDirectory(parent)) {
                // Parents such as ~/.config are shared with other programs: create them with default permissions.
                Files.createDirectories(parent);
            }
            if (POSIX) {
                Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(DIR));
            } else {
                Files.createDirectory(dir);
            }
        }
        restrict(dir);
        return dir;
    }

    /** Tightens an existing path to owner-only (a directory made by an older version, a copied file). */
    public static void restrict(Path path) throws IOException {
        if (POSIX) {
            Files.setPosixFilePermissions(path, Files.isDirectory(path) ? DIR : FILE);
        }
    }

    public static Path createTempFile(Path dir, String prefix) throws IOException {
        FileAttribute<?>[] attrs = POSIX
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(FILE)}
                : new FileAttribute<?>[0];
        return Files.createTempFile(dir, prefix, ".tmp", attrs);
    }
}
