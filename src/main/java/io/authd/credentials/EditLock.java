package io.authd.credentials;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The exclusive right to read-modify-write one credentials file, held across the whole edit so that two
 * concurrent {@code authd user add} never lose an update.
 *
 * <p>The lock is taken on a sibling {@code <name>.lock}, not on the credentials file, because the atomic
 * rename replaces the credentials file and a lock on the old inode would protect nothing. The lock file is
 * never deleted: deleting it would let a waiter lock a file that a newcomer no longer sees.
 *
 * <p>{@link FileChannel#lock()} is held on behalf of the whole JVM (a second thread gets
 * {@link java.nio.channels.OverlappingFileLockException} instead of waiting), so threads of this JVM queue
 * on an in-process lock first. The operating system releases the file lock if the process dies.
 */
final class EditLock implements AutoCloseable {
    private static final ConcurrentHashMap<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

    private final ReentrantLock inProcess;
    private final FileChannel channel;

    private EditLock(ReentrantLock inProcess, FileChannel channel) {
        this.inProcess = inProcess;
        this.channel = channel;
    }

    /** Blocks until this thread holds the lock of {@code file}. */
    static EditLock acquire(Path file) throws IOException {
        Path absolute = file.toAbsolutePath().normalize();
        Path lockFile = absolute.resolveSibling(absolute.getFileName() + ".lock");
        ReentrantLock inProcess = IN_PROCESS.computeIfAbsent(lockFile, p -> new ReentrantLock());
        inProcess.lock();
        try {
            FileChannel channel = FileChannel.open(lockFile,
                    Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE), SafeFiles.ownerOnly(lockFile.getParent()));
            try {
                channel.lock();
                return new EditLock(inProcess, channel);
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
        } catch (IOException | RuntimeException e) {
            inProcess.unlock();
            throw e;
        }
    }

    /** Closing the channel releases the file lock. */
    @Override
    public void close() throws IOException {
        try {
            channel.close();
        } finally {
            inProcess.unlock();
        }
    }
}
