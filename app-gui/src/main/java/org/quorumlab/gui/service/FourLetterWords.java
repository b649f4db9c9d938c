package org.quorumlab.gui.service;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Sends ZooKeeper four-letter words over a plain socket and parses the watch listings. */
public final class FourLetterWords {

    /** One server-side watch: a session watching a path. */
    public record ServerWatch(String session, String path) {
    }

    private FourLetterWords() {
    }

    /** Sends {@code word} to {@code host:port} and returns the whole reply. */
    public static String send(String host, int port, String word, int timeoutMs) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host, port), timeoutMs);
            s.setSoTimeout(timeoutMs);
            s.getOutputStream().write(word.getBytes(StandardCharsets.US_ASCII));
            s.getOutputStream().flush();
            InputStream in = s.getInputStream();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            return out.toString(StandardCharsets.UTF_8);
        }
    }

    /** Sends {@code word} to the first host of a {@code host:port,...[/chroot]} connect string. */
    public static String sendToFirst(String connectString, String word) throws IOException {
        String first = connectString.split("/", 2)[0].split(",")[0].trim();
        int colon = first.lastIndexOf(':');
        String host = colon < 0 ? first : first.substring(0, colon);
        int port = colon < 0 ? 2181 : Integer.parseInt(first.substring(colon + 1));
        return send(host, port, word, 5000);
    }

    /** Parses {@code wchc} output: a session line followed by tab-indented paths. */
    public static List<ServerWatch> parseWchc(String text) {
        List<ServerWatch> out = new ArrayList<>();
        String session = null;
        for (String line : text.split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            if (Character.isWhitespace(line.charAt(0))) {
                if (session != null) {
                    out.add(new ServerWatch(session, line.trim()));
                }
            } else {
                session = line.trim();
            }
        }
        return out;
    }

    /** Parses {@code wchp} output: a path line followed by tab-indented session ids. */
    public static List<ServerWatch> parseWchp(String text) {
        List<ServerWatch> out = new ArrayList<>();
        String path = null;
        for (String line : text.split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            if (Character.isWhitespace(line.charAt(0))) {
                if (path != null) {
                    out.add(new ServerWatch(line.trim(), path));
                }
            } else {
                path = line.trim();
            }
        }
        return out;
    }
}
