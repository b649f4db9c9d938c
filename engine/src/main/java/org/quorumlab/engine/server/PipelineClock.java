package org.quorumlab.engine.server;

/** Time source for the pipeline; injected so tests can drive expiry deterministically. */
public interface PipelineClock {

    /** Wall-clock milliseconds (stored in ctime/mtime). */
    long wallMillis();

    /** Monotonic nanoseconds for latencies and expiry. */
    long nanos();

    PipelineClock SYSTEM = new PipelineClock() {
        @Override
        public long wallMillis() {
            return System.currentTimeMillis();
        }

        @Override
        public long nanos() {
            return System.nanoTime();
        }
    };
}
