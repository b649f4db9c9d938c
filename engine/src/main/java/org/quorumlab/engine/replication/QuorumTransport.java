package org.quorumlab.engine.replication;

import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Moves opaque frames between ensemble members. Contract: {@link #send} never blocks and never
 * throws; a frame may be lost (the consensus protocol recovers), but frames between two servers
 * that are delivered arrive in send order. Received frames are handed to the callback on a
 * transport thread; the callback must not block. A callback that throws rejects the frame: the
 * transport closes the connection that frame came on, with one log line, hands no further frame of
 * that connection to the callback, and keeps every other connection.
 */
public interface QuorumTransport extends AutoCloseable {

    /** Starts listening; {@code onReceive} gets (sender id, frame). */
    void start(BiConsumer<Long, byte[]> onReceive);

    /**
     * Registers who is told when an established connection from a peer breaks (the peer died or
     * the link failed). Called on a transport thread; must not block.
     */
    default void onPeerDisconnected(java.util.function.LongConsumer listener) {
    }

    /**
     * Runs {@code then} once this transport has handed to the receive callback every frame that
     * had reached this process when the call was made (in practice: once each receiving thread has
     * run and read what its sockets held). Consensus ticks go through here, so a server whose
     * receiving threads were not scheduled for a while never counts that time as silence from its
     * peers: like ZooKeeper's blocking socket reads with a timeout, silence is only measured by a
     * reader that has had the chance to read. {@code then} runs on a transport thread and must not
     * block; it is dropped once the transport is closed. Transports that deliver synchronously
     * run it at once.
     */
    default void afterPendingReceives(Runnable then) {
        then.run();
    }

    /** The port actually bound (useful when configured as 0). */
    int port();

    void send(long to, byte[] frame);

    /**
     * Sends one frame made of {@code head} followed by {@code body}, with the same contract as
     * {@link #send(long, byte[])}; {@code body} may be shared between calls and is never modified.
     */
    default void send(long to, byte[] head, byte[] body) {
        byte[] frame = java.util.Arrays.copyOf(head, head.length + body.length);
        System.arraycopy(body, 0, frame, head.length, body.length);
        send(to, frame);
    }

    /** Replaces the address book (after a reconfig). */
    void setPeers(Map<Long, PeerAddress> peers);

    /** Fault rules applied to this server's outgoing frames. */
    LinkFaults faults();

    @Override
    void close();
}
