package io.authd.credentials;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;

/** Bounded reads and crash-safe writes of small files that hold secrets, with plain java.nio. */
final class SafeFiles {
    private SafeFiles() {
    }

    /** The bytes of {@code path}; refuses a file larger than {@code maxBytes} before reading it into memory. */
    static byte[] read(Path path, long maxBytes) throws IOException {
        String tooLarge = "larger than the limit of " + (maxBytes >> 20) + " MiB";
        if (Files.size(path) > maxBytes) {
            throw new FileSystemException(path.toString(), null, tooLarge);
        }
        try (InputStream in = Files.newInputStream(path)) {
            byte[] bytes = in.readNBytes((int) maxBytes + 1); // the file may have grown since size() was read
            if (bytes.length > maxBytes) {
                throw new FileSystemException(path.toString(), null, tooLarge);
            }
            return bytes;
        }
    }

    /** Strict UTF-8: a malformed byte is an error, not a silent U+FFFD that would change a username. */
    static String utf8(byte[] bytes) throws CharacterCodingException {
        return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
    }

    /** A short reason for {@code e}, without the path (callers prefix it). */
    static String describe(IOException e) {
        return switch (e) {
            case NoSuchFileException ignored -> "file not found";
            case AccessDeniedException ignored -> "permission denied";
            case CharacterCodingException ignored -> "not valid UTF-8";
            case FileSystemException f when f.getReason() != null -> f.getReason();
            default -> e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
        };
    }

    /**
     * Replaces {@code target} with {@code content} so that a reader or a crash sees the old file or the new one,
     * never a mix: write a temporary file in the same directory (a rename is atomic only within a file
     * system), force it to disk, then rename it over the target. A file left behind by a crash is a hidden
     * {@code .name.*.tmp} that nothing reads.
     *
     * <p>A new file is created owner-only (0600) where the file system has POSIX permissions; an existing
     * file keeps its permissions, which an operator may have widened for the server's group.
     */
    static void writeAtomically(Path target, byte[] content) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Path temp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp", ownerOnly(dir));
        try {
            keepPermissions(target, temp);
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp); // still there only if a step above failed
        }
        syncDirectory(dir);
    }

    /** Permissions 0600 for a file created in {@code dir}, or none where the file system has no POSIX modes. */
    static FileAttribute<?>[] ownerOnly(Path dir) {
        if (!isPosix(dir)) {
            return new FileAttribute<?>[0];
        }
        return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))};
    }

    private static void keepPermissions(Path target, Path temp) throws IOException {
        if (isPosix(temp) && Files.exists(target)) {
            Files.setPosixFilePermissions(temp, Files.getPosixFilePermissions(target));
        }
    }

    private static boolean isPosix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    /**
     * Makes the rename itself durable. Some platforms cannot open a directory for sync; there the rename is
     * still atomic, only its durability across a power cut is up to the file system.
     */
    private static void syncDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // best effort only, see above
        }
    }
}
