package org.quorumlab.engine.node;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import org.quorumlab.engine.storage.StorageException;

/**
 * One writer per data directory: a running server, or {@code quorumlab restore}, holds an OS lock on
 * {@code <dataDir>/quorumlab.lock} for as long as it writes there, so a restore cannot replace the
 * tree under a running server and two servers cannot share a directory. The OS drops the lock when
 * its process dies, so the file a crashed server leaves behind claims nothing. The file's text (pid
 * and purpose of the holder) is only for messages. {@code quorumlab dump} only reads and takes no lock.
 *
 * <p>Within one JVM the JDK's lock table refuses a second holder. (POSIX drops all of a process's
 * locks on a file when it closes any descriptor of it, so a refused attempt inside the holder's own
 * JVM, as in tests, leaves the lock enforced by the JDK only; between processes this never arises.)
 */
public final class DataDirLock implements AutoCloseable {

    /** Name of the lock file inside the data directory. */
    public static final String FILE_NAME = "quorumlab.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private DataDirLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock of {@code dataDir} (creating the directory), or returns empty when another
     * holder has it.
     *
     * @param purpose what the holder does there, e.g. {@code "server 2"} or {@code "restore"}
     * @throws StorageException if the directory or the lock file cannot be created
     */
    public static Optional<DataDirLock> tryAcquire(Path dataDir, String purpose) {
        Path file = dataDir.resolve(FILE_NAME);
        FileChannel channel;
        try {
            Files.createDirectories(dataDir);
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new StorageException("cannot create the lock file " + file.toAbsolutePath() + ": " + e, e);
        }
        try {
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException heldInThisProcess) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                return Optional.empty();
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + " " + purpose + "\n")
                    .getBytes(StandardCharsets.UTF_8)), 0);
            return Optional.of(new DataDirLock(channel, lock));
        } catch (IOException e) {
            try {
                channel.close();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw new StorageException("cannot lock " + file.toAbsolutePath() + ": " + e, e);
        }
    }

    /** {@link #tryAcquire}, failing with a message that names the directory and who holds it. */
    public static DataDirLock acquire(Path dataDir, String purpose) {
        return tryAcquire(dataDir, purpose).orElseThrow(() -> new StorageException(inUse(dataDir)));
    }

    /** "{@code D is in use by process P (server 1)}", for refusals. */
    public static String inUse(Path dataDir) {
        String holder;
        try {
            String text = Files.readString(dataDir.resolve(FILE_NAME), StandardCharsets.UTF_8).strip();
            int space = text.indexOf(' ');
            holder = space < 0 ? "another process" : "process " + text.substring(0, space) + " ("
                    + text.substring(space + 1) + ")";
        } catch (IOException e) {
            holder = "another process";
        }
        return dataDir.toAbsolutePath() + " is in use by " + holder;
    }

    @Override
    public void close() {
        if (!channel.isOpen()) {
            return; // closed already: a server that failed to start closes itself, then its caller closes it again
        }
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new StorageException("cannot release the lock in " + FILE_NAME + ": " + e, e);
        }
    }
}
