package org.quorumlab.engine.admin;

import java.util.Locale;
import java.util.Set;
import org.quorumlab.engine.config.AdminToken;

/**
 * Who may use the admin API, decided per request before it is routed (WebSocket upgrades too):
 *
 * <ol>
 *   <li>A server bound to loopback answers only requests whose {@code Host} names loopback
 *       ({@code localhost}, {@code 127.x.x.x}, {@code [::1]}), so a web page that rebinds its own
 *       DNS name to 127.0.0.1 cannot read it: 403.</li>
 *   <li>A request with an {@code Origin} header (browsers send one) must come from this server's own
 *       origin, {@code http://<Host>}; a page of any other site gets 403, even with the token.</li>
 *   <li>Every request that may change state (any method but GET and HEAD: {@code /faults/*},
 *       {@code /teaching/*}; and the counter resets {@code /commands/stat_reset}, {@code srst},
 *       {@code connection_stat_reset}, {@code crst}) needs {@code Authorization: Bearer <token>};
 *       so does every request when the server is bound beyond loopback. Without a configured token those requests get 401 saying
 *       how to configure one. A token that is sent must be right, even where none is needed: 401.</li>
 * </ol>
 */
final class AdminAccess {

    /** A refusal: HTTP status (401 or 403) and the one-line reason sent as the JSON {@code error}. */
    record Refusal(int status, String message) {
    }

    private static final String BEARER = "bearer ";
    /** ZooKeeper's AdminServer runs these on GET, yet they change state (they reset counters). */
    private static final Set<String> RESETS = Set.of("/commands/stat_reset", "/commands/srst",
            "/commands/connection_stat_reset", "/commands/crst");
    private static final String HOW_TO_CONFIGURE = "put a secret of " + AdminToken.MIN_LENGTH
            + "+ characters in a file only you can read (chmod 600) and name it in zoo.cfg as admin.tokenFile=FILE"
            + " (quorumlab cluster does this for every node)";

    private final AdminToken token;
    private final boolean loopbackOnly;
    private final String boundTo;

    /**
     * @param token        the configured token, or null
     * @param loopbackOnly whether the admin port is bound to a loopback address only
     * @param boundTo      the bound address, for messages
     */
    AdminAccess(AdminToken token, boolean loopbackOnly, String boundTo) {
        this.token = token;
        this.loopbackOnly = loopbackOnly;
        this.boundTo = boundTo;
    }

    /**
     * Checks one request.
     *
     * @param method        HTTP method
     * @param path          the request path, without query
     * @param host          the {@code Host} header, or null
     * @param origin        the {@code Origin} header, or null
     * @param authorization the {@code Authorization} header, or null
     * @return the refusal, or null when the request may proceed
     */
    Refusal check(String method, String path, String host, String origin, String authorization) {
        if (loopbackOnly && host != null && !isLoopbackName(hostName(host))) {
            return new Refusal(403, "Host '" + host + "' is not this server: its admin API answers only to "
                    + "127.0.0.1 or localhost");
        }
        if (origin != null && (host == null || !origin.equalsIgnoreCase("http://" + host))) {
            return new Refusal(403, "cross-origin request refused: Origin '" + origin + "' is not this admin server"
                    + (host == null ? "" : " (http://" + host + ")"));
        }
        boolean changesState = !method.equals("GET") && !method.equals("HEAD") || RESETS.contains(stripSlash(path));
        if (!changesState && loopbackOnly) {
            return authorization != null && token != null && !token.matches(bearer(authorization))
                    ? rejected() : null;
        }
        if (token == null) {
            return new Refusal(401, (changesState ? "changing state through the admin API"
                    : "the admin API on " + boundTo + " (beyond loopback)")
                    + " needs a token and this server has none: " + HOW_TO_CONFIGURE);
        }
        if (authorization == null) {
            return new Refusal(401, "admin token required: send 'Authorization: Bearer <token>' (quorumlab CLI: "
                    + "--dir D or --token T; the token is the file admin.tokenFile names)");
        }
        return token.matches(bearer(authorization)) ? null : rejected();
    }

    private static String stripSlash(String path) {
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    private static Refusal rejected() {
        return new Refusal(401, "admin token rejected: it is not the one in this server's admin.tokenFile");
    }

    private static String bearer(String authorization) {
        String a = authorization.trim();
        return a.regionMatches(true, 0, BEARER, 0, BEARER.length()) ? a.substring(BEARER.length()).trim() : null;
    }

    /** The host part of a {@code Host} header: {@code [::1]:8080} → {@code [::1]}, {@code a:80} → {@code a}. */
    static String hostName(String host) {
        String h = host.trim();
        if (h.startsWith("[")) {
            int end = h.indexOf(']');
            return end < 0 ? h : h.substring(0, end + 1);
        }
        int colon = h.lastIndexOf(':');
        return colon < 0 ? h : h.substring(0, colon);
    }

    /** Names that reach this host without DNS: {@code localhost}, IPv4 {@code 127.0.0.0/8}, {@code [::1]}. */
    static boolean isLoopbackName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.equals("localhost") || n.equals("[::1]")) {
            return true;
        }
        String[] octets = n.split("\\.", -1);
        if (octets.length != 4 || !octets[0].equals("127")) {
            return false;
        }
        for (String o : octets) {
            if (o.isEmpty() || o.length() > 3 || !o.chars().allMatch(Character::isDigit) || Integer.parseInt(o) > 255) {
                return false;
            }
        }
        return true;
    }
}
