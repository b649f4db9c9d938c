package org.quorumlab.engine.auth;

/**
 * ZooKeeper's ip scheme: ACL ids are an address or CIDR block ({@code 10.0.0.0/8}); a connection
 * automatically holds {@code ip:<its address>}. Works on literal addresses only, no DNS.
 */
public final class IpAuthProvider implements AuthProvider {

    @Override
    public String scheme() {
        return "ip";
    }

    @Override
    public boolean isValid(String id) {
        String[] parts = id.split("/", 2);
        byte[] addr = parse(parts[0]);
        if (addr == null) {
            return false;
        }
        if (parts.length == 2) {
            try {
                int bits = Integer.parseInt(parts[1]);
                return bits >= 0 && bits <= addr.length * 8;
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean matches(String authId, String aclId) {
        String[] parts = aclId.split("/", 2);
        byte[] acl = parse(parts[0]);
        byte[] client = parse(authId);
        if (acl == null || client == null || acl.length != client.length) {
            return false;
        }
        int bits = acl.length * 8;
        if (parts.length == 2) {
            try {
                bits = Integer.parseInt(parts[1]);
            } catch (NumberFormatException e) {
                return false;
            }
            if (bits < 0 || bits > acl.length * 8) {
                return false;
            }
        }
        for (int i = 0; i < bits; i++) {
            int mask = 0x80 >> (i % 8);
            if ((acl[i / 8] & mask) != (client[i / 8] & mask)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String authenticate(byte[] credentials) {
        return null; // ip identity comes from the socket, never from addauth
    }

    /** Parses a literal IPv4 or IPv6 address without touching DNS; null if malformed. */
    static byte[] parse(String text) {
        if (text.contains(":")) {
            return parseV6(text);
        }
        String[] octets = text.split("\\.", -1);
        if (octets.length != 4) {
            return null;
        }
        byte[] out = new byte[4];
        for (int i = 0; i < 4; i++) {
            try {
                int v = Integer.parseInt(octets[i]);
                if (v < 0 || v > 255 || octets[i].isEmpty()) {
                    return null;
                }
                out[i] = (byte) v;
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return out;
    }

    private static byte[] parseV6(String text) {
        String t = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        int pct = t.indexOf('%');
        if (pct >= 0) {
            t = t.substring(0, pct);
        }
        String[] halves = t.split("::", -1);
        if (halves.length > 2) {
            return null;
        }
        int[] words = new int[8];
        String[] head = halves[0].isEmpty() ? new String[0] : halves[0].split(":");
        String[] tail = halves.length == 2 && !halves[1].isEmpty() ? halves[1].split(":") : new String[0];
        if (halves.length == 1 && head.length != 8 || head.length + tail.length > 8) {
            return null;
        }
        try {
            for (int i = 0; i < head.length; i++) {
                words[i] = Integer.parseInt(head[i], 16);
            }
            for (int i = 0; i < tail.length; i++) {
                words[8 - tail.length + i] = Integer.parseInt(tail[i], 16);
            }
        } catch (NumberFormatException e) {
            return null;
        }
        byte[] out = new byte[16];
        for (int i = 0; i < 8; i++) {
            if (words[i] < 0 || words[i] > 0xffff) {
                return null;
            }
            out[2 * i] = (byte) (words[i] >> 8);
            out[2 * i + 1] = (byte) words[i];
        }
        return out;
    }
}
