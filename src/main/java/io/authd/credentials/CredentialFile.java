package io.authd.credentials;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Optional;
import java.util.function.Function;

/**
 * The credentials file: the embedded default store, YAML, one HA1 per hash function and never a password.
 *
 * <pre>
 * version: 1
 * realms:
 *   example.com:
 *     alice:
 *       enabled: true          # optional, default true
 *       ha1:
 *         MD5: "…32 lowercase hex…"
 *         SHA-256: "…64 lowercase hex…"
 *         SHA-512-256: "…64 lowercase hex…"
 * apiKeys:                       # optional
 *   example.com:
 *     0123456789abcdef:          # the key id (ak_&lt;id&gt;_&lt;secret&gt;)
 *       sha256: "…64 lowercase hex: SHA-256 of the secret…"
 *       scopes: [read]           # optional
 *       expiresAt: "2027-01-01T00:00:00Z"   # optional
 * </pre>
 *
 * <p>HA1 keys are {@link io.authd.digest.HashFunction#token()} names; a user may have any non-empty subset
 * (an htdigest import has MD5 only). Unknown keys are refused rather than ignored, so that a misspelt
 * {@code enabled} cannot leave a user enabled. Realm and username rules are those of {@link CredentialRules}.
 *
 * <table>
 *   <caption>Limits</caption>
 *   <tr><th>Constant</th><th>Value</th><th>Why</th></tr>
 *   <tr><td>{@link #MAX_FILE_BYTES}</td><td>64 MiB</td>
 *       <td>about 250,000 users; a bigger file is a mistake, and is refused before it is read into memory</td></tr>
 * </table>
 *
 * <p>Reading never throws for bad content: it returns {@link LoadResult.Failed} with the path and the place of
 * each problem. Writing goes only through {@link #edit}, which holds an {@link EditLock} across
 * read-modify-write and replaces the file atomically. Comments other than the standard header are not kept.
 */
public final class CredentialFile {
    public static final long MAX_FILE_BYTES = 64L * 1024 * 1024;

    private CredentialFile() {
    }

    /** Reads and checks {@code path}. */
    public static LoadResult load(Path path) {
        try {
            FileTime lastModified = Files.getLastModifiedTime(path); // before the content: a later edit shows as a change
            byte[] bytes = SafeFiles.read(path, MAX_FILE_BYTES);
            return CredentialYaml.parse(path, SafeFiles.utf8(bytes), FileStamp.of(lastModified, bytes));
        } catch (IOException e) {
            return new LoadResult.Failed(path + ": " + SafeFiles.describe(e));
        }
    }

    /** The current stamp of {@code path}, to compare with {@link LoadResult.Loaded#stamp()}. */
    static FileStamp stamp(Path path) throws IOException {
        return FileStamp.read(path, MAX_FILE_BYTES);
    }

    /**
     * Applies {@code change} to the users of {@code path} under the file's edit lock and writes back what it
     * returns. A missing file edits as empty and is created, with its directory (the default
     * {@code config/credentials.yaml} may be the first file there); a broken file is never overwritten.
     * {@code change} must be pure: it runs with the lock held and its result alone decides the write.
     */
    @SuppressWarnings("try") // the lock is held by the try block, not used in it
    public static <T extends CredentialChange> EditResult<T> edit(Path path, Function<CredentialSnapshot, T> change) {
        try {
            Path target = Files.isSymbolicLink(path) ? path.toRealPath() : path; // edit the file, keep the link
            Files.createDirectories(target.toAbsolutePath().getParent());
            try (EditLock lock = EditLock.acquire(target)) {
                return editLocked(target, change);
            }
        } catch (IOException e) {
            return new EditResult.Failed<>(path + ": " + SafeFiles.describe(e));
        }
    }

    private static <T extends CredentialChange> EditResult<T> editLocked(Path target, Function<CredentialSnapshot, T> change)
            throws IOException {
        if (Files.notExists(target)) {
            return apply(target, CredentialSnapshot.EMPTY, change);
        }
        return switch (load(target)) {
            case LoadResult.Failed failed -> new EditResult.Failed<>(failed.message());
            case LoadResult.Loaded loaded -> apply(target, loaded.snapshot(), change);
        };
    }

    private static <T extends CredentialChange> EditResult<T> apply(Path target, CredentialSnapshot current,
                                                                    Function<CredentialSnapshot, T> change)
            throws IOException {
        T result = change.apply(current);
        Optional<CredentialSnapshot> toWrite = result.toWrite();
        if (toWrite.isPresent()) {
            write(target, toWrite.get());
        }
        return new EditResult.Edited<>(result);
    }

    /** Replaces {@code path} with {@code snapshot}; callers hold the edit lock. */
    static void write(Path path, CredentialSnapshot snapshot) throws IOException {
        SafeFiles.writeAtomically(path, CredentialYaml.serialize(snapshot));
    }
}
