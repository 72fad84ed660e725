package io.authd.credentials;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What a credentials file looked like when read, to tell whether it changed since.
 *
 * <p>Last-modified time and size alone are not enough: an edit of the same size within the file system's
 * timestamp granularity keeps both, and a Kubernetes ConfigMap update swaps a symlink to a new file whose
 * time may be older. The SHA-256 of the content catches both; computing it means reading the file on every
 * check, which is cheap next to parsing it and happens off the event loop.
 */
public record FileStamp(FileTime lastModified, long size, String sha256) {
    private static final int BUFFER = 64 * 1024;

    /** The stamp of {@code content}, read from a file last modified at {@code lastModified}. */
    static FileStamp of(FileTime lastModified, byte[] content) {
        MessageDigest digest = sha256Digest();
        digest.update(content);
        return new FileStamp(lastModified, content.length, HexFormat.of().formatHex(digest.digest()));
    }

    /**
     * Reads the stamp of {@code path} without holding the file in memory. Reading stops past
     * {@code maxBytes}: such a file is refused by the loader anyway, and hashing gigabytes to say so is waste.
     */
    public static FileStamp read(Path path, long maxBytes) throws IOException {
        FileTime lastModified = Files.getLastModifiedTime(path);
        MessageDigest digest = sha256Digest();
        long size = 0;
        try (InputStream in = Files.newInputStream(path)) {
            byte[] buffer = new byte[BUFFER];
            for (int n = in.read(buffer); n > 0 && size <= maxBytes; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
                size += n;
            }
        }
        return new FileStamp(lastModified, size, HexFormat.of().formatHex(digest.digest()));
    }

    private static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK provides SHA-256", e);
        }
    }
}
