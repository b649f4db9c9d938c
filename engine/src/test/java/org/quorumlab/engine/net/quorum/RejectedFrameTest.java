package org.quorumlab.engine.net.quorum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quorumlab.engine.consensus.Message;
import org.quorumlab.engine.consensus.Packet;
import org.quorumlab.engine.proto.JuteOutput;
import org.quorumlab.engine.replication.MessageCodec;
import org.slf4j.LoggerFactory;

/**
 * A frame the receiver rejects (its callback throws, as the replication host's decoder does on an
 * unknown packet number) closes the connection it came on, with one log line, and nothing else:
 * frames behind it on that connection are not delivered, the other peer's connection keeps
 * delivering.
 */
class RejectedFrameTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final int UNKNOWN_PACKET = 99;

    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger transportLogger = (Logger) LoggerFactory.getLogger(NettyQuorumTransport.class);

    @BeforeEach
    void captureLog() {
        log.start();
        transportLogger.addAppender(log);
    }

    @AfterEach
    void releaseLog() {
        transportLogger.detachAppender(log);
    }

    @Test
    void anUndecodableFrameClosesOnlyTheConnectionItCameOn() throws Exception {
        List<Message> received = new CopyOnWriteArrayList<>();
        List<Long> disconnected = new CopyOnWriteArrayList<>();
        try (NettyQuorumTransport receiver = new NettyQuorumTransport(9, "127.0.0.1", 0, Map.of())) {
            receiver.onPeerDisconnected(disconnected::add);
            // decoded on the transport thread, as the replication host does
            receiver.start((from, frame) -> received.add(MessageCodec.decode(frame)));
            try (Socket one = connect(receiver.port(), 1); Socket two = connect(receiver.port(), 2)) {
                send(one, ping(1, 0));
                await().atMost(WAIT).until(() -> received.contains(ping(1, 0)));

                // one write: a good frame, one with an unknown packet number, and a good one behind it
                send(two, ping(2, 0), unknownPacket(2, 1), ping(2, 2));
                assertThat(closedByPeer(two)).as("connection of the bad frame closed").isTrue();
                await().atMost(WAIT).until(() -> disconnected.contains(2L));

                send(one, ping(1, 1));
                await().atMost(WAIT).until(() -> received.contains(ping(1, 1)));
                assertThat(received).containsExactly(ping(1, 0), ping(2, 0), ping(1, 1));
                assertThat(disconnected).containsExactly(2L);
            }
        }
        assertThat(log.list).filteredOn(e -> e.getLevel() == Level.WARN)
                .extracting(ILoggingEvent::getFormattedMessage).filteredOn(m -> m.startsWith("Closing"))
                .singleElement().asString()
                .contains("server 2 at").contains("unknown quorum packet type " + UNKNOWN_PACKET);
    }

    private static Message.Peer ping(long from, long seq) {
        return new Message.Peer(from, 7, seq, new Packet.Ping(seq));
    }

    /** A peer frame whose packet number no kind has. */
    private static byte[] unknownPacket(long from, long seq) {
        JuteOutput out = new JuteOutput();
        out.writeInt(UNKNOWN_PACKET);
        out.writeLong(seq);
        byte[] head = MessageCodec.encodePeerHeader(from, 7, seq);
        byte[] body = out.toByteArray();
        byte[] frame = Arrays.copyOf(head, head.length + body.length);
        System.arraycopy(body, 0, frame, head.length, body.length);
        return frame;
    }

    /** A sender's connection as {@link NettyQuorumTransport} opens it: the first frame is its id. */
    private static Socket connect(int port, long self) throws IOException {
        Socket s = new Socket();
        s.setTcpNoDelay(true);
        s.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
        ByteArrayOutputStream handshake = new ByteArrayOutputStream();
        new DataOutputStream(handshake).writeLong(self);
        writeFrames(s, List.of(handshake.toByteArray()));
        return s;
    }

    private static void send(Socket s, Message... messages) throws IOException {
        writeFrames(s, Arrays.stream(messages).map(MessageCodec::encode).toList());
    }

    private static void send(Socket s, Message first, byte[] raw, Message last) throws IOException {
        writeFrames(s, List.of(MessageCodec.encode(first), raw, MessageCodec.encode(last)));
    }

    /** All frames, length-prefixed, in one socket write. */
    private static void writeFrames(Socket s, List<byte[]> frames) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        for (byte[] f : frames) {
            out.writeInt(f.length);
            out.write(f);
        }
        s.getOutputStream().write(bytes.toByteArray());
        s.getOutputStream().flush();
    }

    /** Whether the receiver closed the connection (it never writes on it) within the wait. */
    private static boolean closedByPeer(Socket s) throws IOException {
        s.setSoTimeout((int) WAIT.toMillis());
        InputStream in = s.getInputStream();
        try {
            return in.read() < 0;
        } catch (SocketException reset) {
            return true;
        } catch (SocketTimeoutException stillOpen) {
            return false;
        }
    }
}
