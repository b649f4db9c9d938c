package org.quorumlab.engine.compat;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import org.quorumlab.engine.proto.ConnectRequest;
import org.quorumlab.engine.proto.ConnectResponse;
import org.quorumlab.engine.proto.JuteInput;
import org.quorumlab.engine.proto.JuteOutput;
import org.quorumlab.engine.proto.JuteRecord;
import org.quorumlab.engine.proto.ReplyHeader;

/** A bare TCP connection to a ZooKeeper-protocol port, for feeding it hand-made or broken frames. */
final class RawConnection implements AutoCloseable {

    private static final int POLL_MS = 50;

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;

    RawConnection(int port) throws IOException {
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.setSoLinger(true, 0);
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
        socket.setSoTimeout(POLL_MS);
        in = new DataInputStream(socket.getInputStream());
        out = socket.getOutputStream();
    }

    /** Writes raw bytes; false if the server already closed the connection. */
    boolean write(byte[] bytes) {
        try {
            out.write(bytes);
            out.flush();
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Sends a ConnectRequest (sessionId 0 for a new session) and reads the answer; null if closed first. */
    ConnectResponse handshake(long sessionId, byte[] passwd, long timeoutMs) throws IOException {
        return handshake(sessionId, passwd, 30_000, timeoutMs);
    }

    /** As {@link #handshake(long, byte[], long)}, asking for a session timeout of {@code sessionTimeoutMs}. */
    ConnectResponse handshake(long sessionId, byte[] passwd, int sessionTimeoutMs, long timeoutMs) throws IOException {
        JuteOutput o = new JuteOutput();
        new ConnectRequest(0, 0, sessionTimeoutMs, sessionId, passwd, false).write(o);
        if (!write(FuzzFrames.lengthPrefixed(o.toByteArray()))) {
            return null;
        }
        byte[] frame = readFrame(System.nanoTime() + timeoutMs * 1_000_000);
        return frame == null ? null : ConnectResponse.read(new JuteInput(frame));
    }

    /**
     * Reads frames until a reply carrying {@code xid} arrives (true) or the server closes the
     * connection (false).
     *
     * @throws IllegalStateException if neither happens within the timeout
     */
    boolean awaitReplyOrClose(int xid, long timeoutMs) throws IOException {
        long deadline = System.nanoTime() + timeoutMs * 1_000_000;
        while (System.nanoTime() < deadline) {
            byte[] frame = readFrame(deadline);
            if (frame == null) {
                return false;
            }
            if (frame.length >= 16 && ReplyHeader.read(new JuteInput(frame)).xid() == xid) {
                return true;
            }
        }
        throw new IllegalStateException("server neither answered xid " + xid + " nor closed the connection");
    }

    /** A reply header and the rest of its frame. */
    record Reply(ReplyHeader header, JuteInput body) {
    }

    /** Sends one request frame and returns the reply carrying its xid (watch events are skipped). */
    Reply call(int xid, int type, JuteRecord body, long timeoutMs) throws IOException {
        byte[] bytes = body == null ? new byte[0] : FuzzFrames.bytes(body);
        if (!write(FuzzFrames.lengthPrefixed(FuzzFrames.request(xid, type, bytes)))) {
            throw new IOException("connection closed by the server");
        }
        long deadline = System.nanoTime() + timeoutMs * 1_000_000;
        while (true) {
            byte[] frame = readFrame(deadline);
            if (frame == null) {
                throw new IOException("connection closed by the server before replying to xid " + xid);
            }
            JuteInput in = new JuteInput(frame);
            ReplyHeader h = ReplyHeader.read(in);
            if (h.xid() == xid) {
                return new Reply(h, in);
            }
        }
    }

    /** Waits until the server closes the connection (EOF or reset), discarding whatever it sends. */
    boolean awaitClosedByServer(long timeoutMs) {
        long deadline = System.nanoTime() + timeoutMs * 1_000_000;
        byte[] sink = new byte[4096];
        while (System.nanoTime() < deadline) {
            try {
                if (in.read(sink) < 0) {
                    return true;
                }
            } catch (SocketTimeoutException e) {
                // keep polling until the deadline
            } catch (IOException e) {
                return true;
            }
        }
        return false;
    }

    /** Half-closes our side, as a client that gave up mid-frame. */
    void shutdownOutput() {
        try {
            socket.shutdownOutput();
        } catch (IOException e) {
            // already closed by the server
        }
    }

    /** One length-prefixed frame, or null once the server closed the connection. */
    private byte[] readFrame(long deadlineNanos) throws IOException {
        long remainingMs = Math.max(1, (deadlineNanos - System.nanoTime()) / 1_000_000);
        socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, remainingMs));
        try {
            int len = in.readInt();
            if (len < 0 || len > 0xfffff) {
                throw new IOException("server sent a bad frame length " + len);
            }
            byte[] frame = new byte[len];
            in.readFully(frame);
            return frame;
        } catch (SocketTimeoutException e) {
            throw new IllegalStateException("no frame from the server in time", e);
        } catch (EOFException | SocketException e) {
            return null;
        } finally {
            socket.setSoTimeout(POLL_MS);
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
