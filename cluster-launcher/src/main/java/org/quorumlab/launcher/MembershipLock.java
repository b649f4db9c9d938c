package org.quorumlab.launcher;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.locks.ReentrantLock;
import org.quorumlab.launcher.state.ClusterLayout;

/**
 * One membership change (or rolling restart) at a time per cluster directory: a lock within this
 * JVM plus an OS file lock on {@code membership.lock} across launcher processes. Never waits.
 */
final class MembershipLock {

    private final ClusterLayout layout;
    private final ReentrantLock local = new ReentrantLock();

    MembershipLock(ClusterLayout layout) {
        this.layout = layout;
    }

    /** Acquires both locks or throws naming what is in the way. */
    Held acquire(String what) {
        if (!local.tryLock()) {
            throw busy(what);
        }
        try {
            FileChannel ch = FileChannel.open(layout.membershipLock(), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = ch.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                ch.close();
                throw busy(what);
            }
            return new Held(ch);
        } catch (IOException e) {
            local.unlock();
            throw new LauncherException("cannot lock " + layout.membershipLock() + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            local.unlock();
            throw e;
        }
    }

    private LauncherException busy(String what) {
        return new LauncherException("cannot " + what + ": another membership change or rolling restart is in "
                + "progress on " + layout.dir() + "; one at a time");
    }

    /** Releases both locks on close. */
    final class Held implements AutoCloseable {
        private final FileChannel channel;

        private Held(FileChannel channel) {
            this.channel = channel;
        }

        @Override
        public void close() {
            try {
                channel.close();
            } catch (IOException e) {
                // closing releases the OS lock; nothing else to do
            } finally {
                local.unlock();
            }
        }
    }
}
