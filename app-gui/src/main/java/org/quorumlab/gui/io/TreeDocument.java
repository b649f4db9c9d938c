package org.quorumlab.gui.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.data.ACL;
import org.apache.zookeeper.data.Id;
import org.apache.zookeeper.data.Stat;
import org.quorumlab.gui.service.NodeKind;

/**
 * The {@code quorumlab-tree/1} JSON document written by {@code quorumlab dump}: every node with
 * base64 data, ACL, stat fields and its kind ({@code none}, {@code session}, {@code container},
 * {@code ttl}). Re-implemented here because the console may not depend on the engine.
 */
public final class TreeDocument {

    /** Format marker. */
    public static final String FORMAT = "quorumlab-tree/1";
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** One node of the document. */
    public record Node(String path, byte[] data, List<ACL> acl, Stat stat) {
    }

    private TreeDocument() {
    }

    /** Serialises nodes (parents before children). */
    public static String write(List<Node> nodes, long lastZxid) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.put("lastZxid", "0x" + Long.toHexString(lastZxid));
        ArrayNode arr = root.putArray("nodes");
        for (Node n : nodes) {
            ObjectNode o = arr.addObject();
            o.put("path", n.path());
            o.put("data", n.data() == null ? null : Base64.getEncoder().encodeToString(n.data()));
            ArrayNode acl = o.putArray("acl");
            for (ACL a : n.acl()) {
                acl.addObject().put("perms", a.getPerms()).put("scheme", a.getId().getScheme()).put("id", a.getId().getId());
            }
            Stat s = n.stat();
            o.put("czxid", s.getCzxid()).put("mzxid", s.getMzxid()).put("ctime", s.getCtime()).put("mtime", s.getMtime())
                    .put("version", s.getVersion()).put("cversion", s.getCversion()).put("aversion", s.getAversion())
                    .put("ephemeralOwner", s.getEphemeralOwner()).put("pzxid", s.getPzxid())
                    .put("kind", kindName(s.getEphemeralOwner()));
        }
        try {
            return MAPPER.writeValueAsString(root);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The engine's kind names. */
    static String kindName(long owner) {
        return switch (NodeKind.of(owner)) {
            case PERSISTENT -> "none";
            case EPHEMERAL -> "session";
            case CONTAINER -> "container";
            case TTL -> "ttl";
        };
    }

    /** @throws IllegalArgumentException naming the node at fault when the document is malformed */
    public static List<Node> read(String json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("not valid JSON: " + e.getMessage());
        }
        if (root == null || !FORMAT.equals(root.path("format").asText())) {
            throw new IllegalArgumentException("not a QuorumLab tree dump (format must be " + FORMAT + ")");
        }
        List<Node> out = new ArrayList<>();
        int i = 0;
        for (JsonNode o : root.path("nodes")) {
            i++;
            String path = o.path("path").asText(null);
            if (path == null || !path.startsWith("/")) {
                throw new IllegalArgumentException("node #" + i + " has no valid path");
            }
            List<ACL> acl = new ArrayList<>();
            for (JsonNode a : o.path("acl")) {
                acl.add(new ACL(a.path("perms").asInt(), new Id(a.path("scheme").asText(), a.path("id").asText())));
            }
            if (acl.isEmpty()) {
                acl.addAll(ZooDefs.Ids.OPEN_ACL_UNSAFE);
            }
            byte[] data = o.path("data").isNull() || o.path("data").isMissingNode() ? null
                    : Base64.getDecoder().decode(o.path("data").asText());
            Stat s = new Stat(o.path("czxid").asLong(), o.path("mzxid").asLong(), o.path("ctime").asLong(),
                    o.path("mtime").asLong(), o.path("version").asInt(), o.path("cversion").asInt(),
                    o.path("aversion").asInt(), o.path("ephemeralOwner").asLong(), data == null ? 0 : data.length, 0,
                    o.path("pzxid").asLong());
            out.add(new Node(path, data, acl, s));
        }
        return out;
    }
}
