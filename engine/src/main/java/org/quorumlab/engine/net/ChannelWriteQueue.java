package org.quorumlab.engine.net;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Messages for one channel handed over by other threads (the pipeline thread): they are queued
 * without an event-loop task each, and one drain task encodes everything queued so far into one
 * pooled direct buffer, writes it and flushes once. A burst of replies or quorum frames for one
 * peer thus costs one task, one wake-up, one buffer and one socket write (Netty's per-message
 * costs — a length-prefix buffer, an outbound-buffer entry, a heap-to-direct copy — were the
 * largest part of the event loops' Java samples). Messages leave in the order they were queued.
 *
 * @param <T> what is queued; turned into a frame on the channel's event loop
 */
public final class ChannelWriteQueue<T> {

    /** A burst larger than this is written in several buffers, so one buffer stays a moderate pooled size. */
    static final int MAX_BURST_BYTES = 64 * 1024;
    private static final int INITIAL_BURST_BYTES = 2 * 1024;

    private final Channel channel;
    private final FrameWriter<T> frameWriter;
    private final Queue<T> pending = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean drainQueued = new AtomicBoolean();

    /**
     * @param frameWriter runs on the channel's event loop; appends the message's complete frame,
     *     length prefix included, to the burst buffer (or nothing, to skip it)
     */
    public ChannelWriteQueue(Channel channel, FrameWriter<T> frameWriter) {
        this.channel = channel;
        this.frameWriter = frameWriter;
    }

    /** Any thread: queues {@code message} and makes sure a drain task will see it. */
    public void enqueue(T message) {
        pending.offer(message);
        if (drainQueued.compareAndSet(false, true)) {
            channel.eventLoop().execute(this::drain);
        }
    }

    private void drain() {
        // cleared before polling: a message queued after this point either is polled below or
        // queues the next drain task itself
        drainQueued.set(false);
        boolean wrote = false;
        ByteBuf burst = null;
        try {
            T message;
            while ((message = pending.poll()) != null) {
                if (burst == null) {
                    burst = channel.alloc().ioBuffer(INITIAL_BURST_BYTES);
                }
                frameWriter.writeFrame(message, burst);
                if (burst.readableBytes() >= MAX_BURST_BYTES) {
                    channel.write(burst, channel.voidPromise());
                    burst = null;
                    wrote = true;
                }
            }
            if (burst != null && burst.isReadable()) {
                channel.write(burst, channel.voidPromise());
                burst = null;
                wrote = true;
            }
        } finally {
            if (burst != null) {
                burst.release();
            }
            if (wrote) {
                channel.flush();
            }
        }
    }

    /** Encodes one queued message as a complete frame at the end of a burst buffer. */
    @FunctionalInterface
    public interface FrameWriter<T> {
        void writeFrame(T message, ByteBuf out);
    }
}
