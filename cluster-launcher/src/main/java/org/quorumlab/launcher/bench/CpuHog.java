package org.quorumlab.launcher.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * Threads that burn CPU until closed, to run a benchmark on a machine that is busy with something
 * else (the stability benchmark's "CPU hog"). They run at normal priority in the benchmark's JVM.
 */
final class CpuHog implements AutoCloseable {

    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean stop;
    /** Published so the JIT cannot drop the loop. */
    private volatile long sink;

    CpuHog(int threadCount) {
        for (int i = 0; i < threadCount; i++) {
            Thread t = new Thread(this::spin, "cpu-hog-" + i);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
    }

    private void spin() {
        long x = System.nanoTime();
        while (!stop) {
            for (int i = 0; i < 100_000; i++) {
                x ^= x << 13;
                x ^= x >>> 7;
                x ^= x << 17;
            }
            sink = x;
        }
    }

    int threads() {
        return threads.size();
    }

    @Override
    public void close() throws InterruptedException {
        stop = true;
        for (Thread t : threads) {
            t.join();
        }
    }
}
