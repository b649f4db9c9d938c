package org.quorumlab.engine.net;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * Messages for one channel handed over by other threads (the pipeline thread): they are queued
 * without an event-loop task each, and one drain task encodes and writes everything queued so far
 * and flushes once. A burst of replies or quorum frames for one peer thus costs one task, one
 * wake-up and one socket write. Messages leave in the order they were queued.
 *
 * @param <T> what is queued; turned into a frame on the channel's event loop
 */
public final class ChannelWriteQueue<T> {

    private final Channel channel;
    private final Function<T, ByteBuf> encoder;
    private final Queue<T> pending = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean drainQueued = new AtomicBoolean();

    /**
     * @param encoder runs on the channel's event loop; returns the frame to write, or null to skip
     */
    public ChannelWriteQueue(Channel channel, Function<T, ByteBuf> encoder) {
        this.channel = channel;
        this.encoder = encoder;
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
        T message;
        while ((message = pending.poll()) != null) {
            ByteBuf frame = encoder.apply(message);
            if (frame != null) {
                channel.write(frame, channel.voidPromise());
                wrote = true;
            }
        }
        if (wrote) {
            channel.flush();
        }
    }
}
