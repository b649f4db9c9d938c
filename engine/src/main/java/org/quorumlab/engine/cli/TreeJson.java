package org.quorumlab.engine.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.quorumlab.engine.proto.Acl;
import org.quorumlab.engine.proto.Id;
import org.quorumlab.engine.tree.DataTree;
import org.quorumlab.engine.tree.EphemeralKind;
import org.quorumlab.engine.tree.NodeImage;

/**
 * JSON form of a whole tree for dump/restore: every node with base64 data, ACL and stat. Nodes
 * owned by sessions are dumped but not restored (their sessions do not exist in the new server).
 */
public final class TreeJson {

    public static final String FORMAT = "quorumlab-tree/1";
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private TreeJson() {
    }

    public static String toJson(DataTree tree) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.put("lastZxid", "0x" + Long.toHexString(tree.lastProcessedZxid()));
        ArrayNode nodes = root.putArray("nodes");
        for (NodeImage n : tree.images()) {
            ObjectNode o = nodes.addObject();
            o.put("path", n.path());
            o.put("data", n.data() == null ? null : Base64.getEncoder().encodeToString(n.data()));
            ArrayNode acl = o.putArray("acl");
            for (Acl a : n.acl()) {
                acl.addObject().put("perms", a.perms()).put("scheme", a.id().scheme()).put("id", a.id().id());
            }
            o.put("czxid", n.czxid()).put("mzxid", n.mzxid()).put("ctime", n.ctime()).put("mtime", n.mtime())
                    .put("version", n.version()).put("cversion", n.cversion()).put("aversion", n.aversion())
                    .put("ephemeralOwner", n.ephemeralOwner()).put("pzxid", n.pzxid())
                    .put("kind", EphemeralKind.of(n.ephemeralOwner()).name().toLowerCase());
        }
        try {
            return MAPPER.writeValueAsString(root);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @throws IllegalArgumentException naming the node at fault when the document is malformed */
    public static DataTree fromJson(String json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("not valid JSON: " + e.getMessage());
        }
        if (root == null || !FORMAT.equals(root.path("format").asText())) {
            throw new IllegalArgumentException("not a QuorumLab tree dump (format must be " + FORMAT + ")");
        }
        long lastZxid = Long.decode(root.path("lastZxid").asText("0"));
        List<NodeImage> images = new ArrayList<>();
        int i = 0;
        for (JsonNode o : root.path("nodes")) {
            i++;
            String path = o.path("path").asText(null);
            if (path == null || !path.startsWith("/")) {
                throw new IllegalArgumentException("node #" + i + " has no valid path");
            }
            long owner = o.path("ephemeralOwner").asLong();
            if (EphemeralKind.of(owner) == EphemeralKind.SESSION) {
                continue;
            }
            List<Acl> acl = new ArrayList<>();
            for (JsonNode a : o.path("acl")) {
                acl.add(new Acl(a.path("perms").asInt(), new Id(a.path("scheme").asText(), a.path("id").asText())));
            }
            if (acl.isEmpty()) {
                acl.addAll(DataTree.OPEN_ACL);
            }
            byte[] data = o.path("data").isNull() || o.path("data").isMissingNode() ? null
                    : Base64.getDecoder().decode(o.path("data").asText());
            images.add(new NodeImage(path, data, acl, o.path("czxid").asLong(), o.path("mzxid").asLong(),
                    o.path("ctime").asLong(), o.path("mtime").asLong(), o.path("version").asInt(),
                    o.path("cversion").asInt(), o.path("aversion").asInt(), owner, o.path("pzxid").asLong()));
        }
        return DataTree.fromImages(lastZxid, Map.of(), images);
    }
}
