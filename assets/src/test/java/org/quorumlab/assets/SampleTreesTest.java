package org.quorumlab.assets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * The sample trees are {@code quorumlab-tree/1} documents (engine's TreeJson / console's
 * TreeDocument): they parse, list parents before children, and every node is well formed.
 */
class SampleTreesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long CONTAINER_OWNER = Long.MIN_VALUE;
    private static final long EXTENDED_MASK = 0xff00000000000000L;
    private static final Set<String> SCHEMES = Set.of("world", "auth", "digest", "ip", "sasl", "x509", "super");
    private static final List<String> FIELDS = List.of("path", "data", "acl", "czxid", "mzxid", "ctime", "mtime",
            "version", "cversion", "aversion", "ephemeralOwner", "pzxid", "kind");

    static Stream<Path> samples() {
        return AssetFiles.under("samples", ".json").stream();
    }

    @Test
    void theThreeSamplesExist() {
        assertThat(samples().map(p -> p.getFileName().toString()))
                .contains("kafka.json", "hbase-hadoop.json", "config-service.json");
    }

    @ParameterizedTest
    @MethodSource("samples")
    void isAWellFormedTreeDump(Path file) throws IOException {
        JsonNode root = JSON.readTree(file.toFile());
        assertThat(root.path("format").asText()).isEqualTo("quorumlab-tree/1");
        long lastZxid = Long.decode(root.path("lastZxid").asText());
        JsonNode nodes = root.path("nodes");
        assertThat(nodes.isArray() && nodes.size() > 10).as("has nodes").isTrue();

        Map<String, Integer> children = new HashMap<>();
        Set<String> seen = new HashSet<>();
        Map<String, Long> owners = new HashMap<>();
        for (JsonNode n : nodes) {
            String path = n.path("path").asText(null);
            String where = file.getFileName() + " " + path;
            for (String field : FIELDS) {
                assertThat(n.has(field)).as("%s has %s", where, field).isTrue();
            }
            assertThat(AssetFiles.pathProblem(path)).as(where).isNull();
            assertThat(seen.add(path)).as("%s listed once", where).isTrue();
            if (!path.equals("/")) {
                String parent = parentOf(path);
                if (!seen.contains(parent)) {
                    fail("%s: parent %s missing or listed after it", where, parent);
                }
                assertThat(owners.get(parent)).as("%s: parent is not ephemeral", where)
                        .satisfies(o -> assertThat(kindOf(o)).isNotEqualTo("session"));
                children.merge(parent, 1, Integer::sum);
            } else {
                assertThat(seen).as("/ comes first").hasSize(1);
            }
            if (!n.path("data").isNull()) {
                Base64.getDecoder().decode(n.path("data").asText());
            }
            assertThat(n.path("acl").size()).as("%s acl", where).isPositive();
            for (JsonNode acl : n.path("acl")) {
                assertThat(acl.path("perms").asInt()).as("%s perms", where).isBetween(1, 31);
                assertThat(SCHEMES).as("%s scheme", where).contains(acl.path("scheme").asText());
                assertThat(acl.path("id").asText()).as("%s acl id", where).isNotEmpty();
            }
            long czxid = n.path("czxid").asLong();
            long mzxid = n.path("mzxid").asLong();
            long pzxid = n.path("pzxid").asLong();
            assertThat(mzxid).as("%s mzxid >= czxid", where).isGreaterThanOrEqualTo(czxid);
            assertThat(pzxid).as("%s pzxid >= czxid", where).isGreaterThanOrEqualTo(czxid);
            assertThat(Math.max(mzxid, pzxid)).as("%s zxids <= lastZxid", where).isLessThanOrEqualTo(lastZxid);
            assertThat(n.path("mtime").asLong()).as("%s mtime >= ctime", where)
                    .isGreaterThanOrEqualTo(n.path("ctime").asLong());
            assertThat(n.path("version").asInt()).isNotNegative();
            assertThat(n.path("aversion").asInt()).isNotNegative();
            long owner = n.path("ephemeralOwner").asLong();
            assertThat(n.path("kind").asText()).as("%s kind matches ephemeralOwner", where).isEqualTo(kindOf(owner));
            owners.put(path, owner);
        }
        for (JsonNode n : nodes) {
            String path = n.path("path").asText();
            assertThat(n.path("cversion").asInt()).as("%s cversion counts its children", path)
                    .isGreaterThanOrEqualTo(children.getOrDefault(path, 0));
        }
    }

    private static String parentOf(String path) {
        int slash = path.lastIndexOf('/');
        return slash == 0 ? "/" : path.substring(0, slash);
    }

    /** The engine's kind names (EphemeralKind, lower case). */
    private static String kindOf(long owner) {
        if (owner == 0) {
            return "none";
        }
        if (owner == CONTAINER_OWNER) {
            return "container";
        }
        if ((owner & EXTENDED_MASK) == EXTENDED_MASK) {
            return "ttl";
        }
        return "session";
    }
}
