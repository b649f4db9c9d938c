package org.quorumlab.engine.cli;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.quorumlab.engine.proto.Acl;
import org.quorumlab.engine.proto.Id;
import org.quorumlab.engine.proto.ZooKeeperException;
import org.quorumlab.engine.server.PathValidator;
import org.quorumlab.engine.tree.DataTree;
import org.quorumlab.engine.tree.EphemeralKind;
import org.quorumlab.engine.tree.NodeImage;
import org.quorumlab.engine.tree.TreeLoader;

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

    /**
     * Reads a dump. Nothing is written anywhere: a caller that fails here has changed nothing.
     *
     * @throws IllegalArgumentException naming the line (and node) at fault when the document is malformed
     */
    public static DataTree fromJson(String json) {
        Document doc = read(json);
        if (!FORMAT.equals(doc.format)) {
            throw new IllegalArgumentException("not a QuorumLab tree dump (format must be " + FORMAT + ", got "
                    + (doc.format == null ? "none" : "'" + doc.format + "'") + ")");
        }
        TreeLoader loader = new TreeLoader(doc.lastZxid);
        Map<String, Integer> lineOfPath = new HashMap<>();
        for (int i = 0; i < doc.nodes.size(); i++) {
            JsonNode o = doc.nodes.get(i);
            int line = doc.lines.get(i);
            String where = "line " + line + " (node #" + (i + 1) + ")";
            NodeImage image;
            try {
                image = image(o);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ": " + e.getMessage());
            }
            Integer first = lineOfPath.putIfAbsent(image.path(), line);
            if (first != null) {
                throw new IllegalArgumentException(where + ": " + image.path() + " is listed twice (first at line "
                        + first + ")");
            }
            if (EphemeralKind.of(image.ephemeralOwner()) == EphemeralKind.SESSION) {
                continue; // its session does not exist in the new server
            }
            try {
                loader.node(image);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ": " + e.getMessage());
            }
        }
        return loader.finish();
    }

    /** The top level of a dump, each node with the line of its first field. */
    private static final class Document {
        String format;
        long lastZxid;
        final List<JsonNode> nodes = new ArrayList<>();
        final List<Integer> lines = new ArrayList<>();
    }

    private static Document read(String json) {
        Document doc = new Document();
        try (JsonParser p = MAPPER.getFactory().createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException(at(p) + ": a tree dump is one JSON object, starting with {");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                switch (field) {
                    case "format" -> doc.format = p.getValueAsString();
                    case "lastZxid" -> doc.lastZxid = zxid(p);
                    case "nodes" -> {
                        if (value != JsonToken.START_ARRAY) {
                            throw new IllegalArgumentException(at(p) + ": nodes must be an array");
                        }
                        while (p.nextToken() == JsonToken.START_OBJECT) {
                            // a node is named by the line of its first field (its "path" in a dump), not by
                            // the line of its brace, which a pretty-printed dump shares with the node before
                            int line = p.currentTokenLocation().getLineNr();
                            if (p.nextToken() == JsonToken.FIELD_NAME) {
                                line = p.currentTokenLocation().getLineNr();
                                doc.nodes.add(MAPPER.readTree(p));
                            } else {
                                doc.nodes.add(MAPPER.createObjectNode());
                            }
                            doc.lines.add(line);
                        }
                        if (p.currentToken() != JsonToken.END_ARRAY) {
                            throw new IllegalArgumentException(at(p) + ": each node must be an object");
                        }
                    }
                    default -> p.skipChildren();
                }
            }
            if (p.nextToken() != null) {
                throw new IllegalArgumentException(at(p) + ": unexpected content after the dump's closing }");
            }
        } catch (JsonProcessingException e) {
            JsonLocation l = e.getLocation();
            throw new IllegalArgumentException((l == null ? "" : "line " + l.getLineNr() + ", column "
                    + l.getColumnNr() + ": ") + "not valid JSON: " + e.getOriginalMessage());
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("cannot read the dump: " + e.getMessage(), e);
        }
        return doc;
    }

    private static String at(JsonParser p) {
        return "line " + p.currentTokenLocation().getLineNr();
    }

    private static long zxid(JsonParser p) throws java.io.IOException {
        String text = p.getValueAsString();
        try {
            return Long.decode(text);
        } catch (NumberFormatException | NullPointerException e) {
            throw new IllegalArgumentException(at(p) + ": lastZxid '" + text + "' is not a zxid such as 0x1a");
        }
    }

    private static NodeImage image(JsonNode o) {
        JsonNode pathNode = o.path("path");
        String path = pathNode.isTextual() ? pathNode.asText() : null;
        try {
            PathValidator.validate(path);
        } catch (ZooKeeperException e) {
            throw new IllegalArgumentException("no valid path (" + e.getMessage() + ")");
        }
        List<Acl> acl = new ArrayList<>();
        for (JsonNode a : o.path("acl")) {
            acl.add(new Acl((int) number(path, a, "perms"), new Id(a.path("scheme").asText(), a.path("id").asText())));
        }
        if (acl.isEmpty()) {
            acl.addAll(DataTree.OPEN_ACL);
        }
        JsonNode dataNode = o.path("data");
        byte[] data = null;
        if (!dataNode.isNull() && !dataNode.isMissingNode()) {
            try {
                data = Base64.getDecoder().decode(dataNode.asText());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(path + ": data is not base64 (" + e.getMessage() + ")");
            }
        }
        return new NodeImage(path, data, acl, number(path, o, "czxid"), number(path, o, "mzxid"),
                number(path, o, "ctime"), number(path, o, "mtime"), (int) number(path, o, "version"),
                (int) number(path, o, "cversion"), (int) number(path, o, "aversion"), number(path, o, "ephemeralOwner"),
                number(path, o, "pzxid"));
    }

    /** An integral field; 0 when absent (older and hand-written dumps leave stat fields out). */
    private static long number(String path, JsonNode o, String field) {
        JsonNode v = o.path(field);
        if (v.isMissingNode() || v.isNull()) {
            return 0;
        }
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            throw new IllegalArgumentException(path + ": " + field + " must be a whole number, got " + v);
        }
        return v.asLong();
    }
}
