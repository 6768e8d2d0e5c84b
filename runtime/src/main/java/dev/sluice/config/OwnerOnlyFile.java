package dev.sluice.config;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * A small secret file readable only by its owner (POSIX {@code 0600}). It is created atomically: written and
 * synced under a temporary name, then linked into place, so no reader ever sees it half written and two starts
 * racing on one data directory keep the first file. On a file system without POSIX permissions the file is created
 * with the file system's defaults.
 */
final class OwnerOnlyFile {

    private static final Set<PosixFilePermission> OWNER_ONLY =
            EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

    private final Path path;

    OwnerOnlyFile(Path path) {
        this.path = path;
    }

    Path path() {
        return path;
    }

    /**
     * The file's content, empty when it does not exist. Throws {@link ConfigException} naming the file when it is
     * not a regular file, cannot be read, or can be read or written by anyone but its owner.
     */
    Optional<byte[]> read() {
        if (!Files.exists(path)) {
            return Optional.empty();
        }
        if (!Files.isRegularFile(path)) {
            throw new ConfigException(path.toString(), "not a regular file");
        }
        requireOwnerOnly();
        try {
            return Optional.of(Files.readAllBytes(path));
        } catch (IOException e) {
            throw new ConfigException(path.toString(), "cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * Creates the file with {@code content}. Returns false, writing nothing, when it already exists (another
     * process won the race); throws {@link ConfigException} naming the file when it cannot be written.
     */
    boolean create(byte[] content) {
        Path temp = null;
        try {
            temp = Files.createTempFile(path.getParent(), "." + path.getFileName(), ".tmp", ownerOnly());
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                channel.write(ByteBuffer.wrap(content));
                channel.force(true);
            }
            return publish(temp);
        } catch (IOException e) {
            throw new ConfigException(path.toString(), "cannot be created: " + e.getMessage(), e);
        } finally {
            deleteQuietly(temp);
        }
    }

    private boolean publish(Path temp) throws IOException {
        try {
            // A hard link fails if the name exists, unlike rename, which would replace a file another start made.
            Files.createLink(path, temp);
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        } catch (UnsupportedOperationException | IOException e) {
            if (Files.exists(path)) {
                return false;
            }
            Files.move(temp, path);
            return true;
        }
    }

    private void requireOwnerOnly() {
        if (!isPosix()) {
            return;
        }
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path);
            if (!OWNER_ONLY.containsAll(permissions)) {
                throw new ConfigException(path.toString(), "must be readable only by its owner, but its permissions"
                        + " are " + PosixFilePermissions.toString(permissions) + " (run: chmod 600 " + path + ")");
            }
        } catch (IOException e) {
            throw new ConfigException(path.toString(), "cannot read its permissions: " + e.getMessage(), e);
        }
    }

    private FileAttribute<?>[] ownerOnly() {
        return isPosix()
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)}
                : new FileAttribute<?>[0];
    }

    private boolean isPosix() {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    private static void deleteQuietly(Path temp) {
        if (temp == null) {
            return;
        }
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            // a stray temporary file is harmless; the real file is in place or the error was already reported
        }
    }
}
