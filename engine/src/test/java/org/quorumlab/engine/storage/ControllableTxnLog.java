package org.quorumlab.engine.storage;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * An {@link InMemoryTxnLog} whose next append can be held (to queue work behind it deterministically) or made to
 * fail. Records the size of every successful batch.
 */
final class ControllableTxnLog implements TxnLog {

    private final InMemoryTxnLog delegate = new InMemoryTxnLog();
    private final List<Integer> batchSizes = new CopyOnWriteArrayList<>();
    private volatile boolean holdArmed;
    private volatile CountDownLatch holdEntered;
    private volatile CountDownLatch holdRelease;
    private volatile RuntimeException failure;

    /** Makes the next append block until {@link #release()}. */
    void holdNextAppend() {
        holdEntered = new CountDownLatch(1);
        holdRelease = new CountDownLatch(1);
        holdArmed = true;
    }

    /** Waits until an append is blocked by {@link #holdNextAppend()}. */
    void awaitHeld() throws InterruptedException {
        if (!holdEntered.await(30, TimeUnit.SECONDS)) {
            throw new AssertionError("no append reached the hold");
        }
    }

    void release() {
        holdRelease.countDown();
    }

    /** Makes every later append (including a held one, once released) throw {@code error}. */
    void failWith(RuntimeException error) {
        failure = error;
    }

    List<Integer> batchSizes() {
        return List.copyOf(batchSizes);
    }

    @Override
    public void append(List<LogEntry> batch) {
        if (holdArmed) {
            holdArmed = false;
            holdEntered.countDown();
            try {
                if (!holdRelease.await(30, TimeUnit.SECONDS)) {
                    throw new AssertionError("held append was never released");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        if (failure != null) {
            throw failure;
        }
        delegate.append(batch);
        batchSizes.add(batch.size());
    }

    @Override
    public long lastZxid() {
        return delegate.lastZxid();
    }

    @Override
    public List<LogEntry> readAfter(long zxidExclusive, int maxEntries) {
        return delegate.readAfter(zxidExclusive, maxEntries);
    }

    @Override
    public void truncateAfter(long zxid) {
        delegate.truncateAfter(zxid);
    }

    @Override
    public void purgeThrough(long zxid) {
        delegate.purgeThrough(zxid);
    }

    @Override
    public long firstZxid() {
        return delegate.firstZxid();
    }

    @Override
    public long purgedThrough() {
        return delegate.purgedThrough();
    }

    @Override
    public void close() {
        delegate.close();
    }
}
