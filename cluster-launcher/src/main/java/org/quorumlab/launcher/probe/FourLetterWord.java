package org.quorumlab.launcher.probe;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Sends one four-letter word (ruok, srvr, conf, ...) to a client port and returns the reply. */
public final class FourLetterWord {

    private FourLetterWord() {
    }

    /** The reply, or empty when nothing listens or the server does not answer within {@code timeoutMillis}. */
    public static Optional<String> send(String host, int port, String word, int timeoutMillis) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host, port), timeoutMillis);
            s.setSoTimeout(timeoutMillis);
            OutputStream out = s.getOutputStream();
            out.write(word.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * The {@code Mode:} of a {@code srvr} reply (leader, follower, observer, standalone),
     * {@code not serving} for ZooKeeper's "not currently serving requests", else {@code unknown}.
     */
    public static String mode(String srvrReply) {
        for (String line : srvrReply.split("\n")) {
            if (line.startsWith("Mode:")) {
                return line.substring("Mode:".length()).trim();
            }
        }
        return srvrReply.contains("not currently serving") ? "not serving" : "unknown";
    }

    /**
     * The whole-number value of {@code key} (e.g. {@code zk_znode_count}) in an {@code mntr} reply,
     * or -1 when the reply has no such line (ZooKeeper answers "not currently serving" while syncing).
     */
    public static long monitorValue(String mntrReply, String key) {
        for (String line : mntrReply.split("\n")) {
            String[] kv = line.trim().split("\\s+", 2);
            if (kv.length == 2 && kv[0].equals(key)) {
                try {
                    return Long.parseLong(kv[1].trim());
                } catch (NumberFormatException e) {
                    return -1;
                }
            }
        }
        return -1;
    }

    /** The {@code Zxid:} of a {@code srvr} reply, or -1. */
    public static long zxid(String srvrReply) {
        for (String line : srvrReply.split("\n")) {
            if (line.startsWith("Zxid:")) {
                return Long.decode(line.substring("Zxid:".length()).trim());
            }
        }
        return -1;
    }
}
