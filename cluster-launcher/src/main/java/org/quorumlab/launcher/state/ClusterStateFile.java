package org.quorumlab.launcher.state;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.quorumlab.launcher.Engine;
import org.quorumlab.launcher.LauncherException;
import org.quorumlab.launcher.NodePorts;

/**
 * Reads and atomically replaces {@code cluster.properties}. The file holds the super password, so
 * it is made readable by its owner only where the file system supports POSIX permissions.
 */
public final class ClusterStateFile {

    private final Path file;

    public ClusterStateFile(ClusterLayout layout) {
        this.file = layout.stateFile();
    }

    public Optional<ClusterState> read() {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new LauncherException("cannot read " + file + ": " + e.getMessage(), e);
        }
        try {
            Map<Long, NodePorts> nodes = new TreeMap<>();
            for (String key : p.stringPropertyNames()) {
                if (key.startsWith("node.")) {
                    nodes.put(Long.parseLong(key.substring("node.".length())), NodePorts.parse(p.getProperty(key)));
                }
            }
            SortedSet<Long> members = ids(require(p, "members"));
            SortedSet<Long> observers = ids(p.getProperty("observers", ""));
            return Optional.of(new ClusterState(Engine.parse(require(p, "engine")),
                    Integer.parseInt(require(p, "basePort")), Integer.parseInt(require(p, "tickTime")),
                    Integer.parseInt(p.getProperty("maxSessionTimeout", "0")),
                    p.getProperty("bind", ClusterState.DEFAULT_BIND).trim(), require(p, "superPassword"),
                    Long.parseLong(require(p, "nextId")), nodes, members, observers));
        } catch (NumberFormatException e) {
            throw new LauncherException(file + " is corrupt: " + e.getMessage(), e);
        }
    }

    private static SortedSet<Long> ids(String list) {
        SortedSet<Long> ids = new TreeSet<>();
        for (String m : list.split(",")) {
            if (!m.isBlank()) {
                ids.add(Long.parseLong(m.trim()));
            }
        }
        return ids;
    }

    public ClusterState require() {
        return read().orElseThrow(() -> new LauncherException("no cluster in " + file.getParent()
                + " (start one with: quorumlab cluster --nodes 3 --dir " + file.getParent() + ")"));
    }

    public void write(ClusterState s) {
        StringBuilder b = new StringBuilder("# QuorumLab cluster state, written by the launcher\n");
        b.append("engine=").append(s.engine().cliName()).append('\n');
        b.append("basePort=").append(s.basePort()).append('\n');
        b.append("tickTime=").append(s.tickTime()).append('\n');
        if (s.maxSessionTimeout() != 0) {
            b.append("maxSessionTimeout=").append(s.maxSessionTimeout()).append('\n');
        }
        b.append("bind=").append(s.bindAddress()).append('\n');
        b.append("superPassword=").append(s.superPassword()).append('\n');
        b.append("nextId=").append(s.nextId()).append('\n');
        b.append("members=").append(String.join(",", s.members().stream().map(String::valueOf).toList())).append('\n');
        b.append("observers=").append(String.join(",", s.observers().stream().map(String::valueOf).toList()))
                .append('\n');
        s.nodes().forEach((id, ports) -> b.append("node.").append(id).append('=').append(ports.format()).append('\n'));
        writeAtomically(file, b.toString(), true);
    }

    /** Writes {@code text} to a temporary sibling and renames it over {@code target}. */
    public static void writeAtomically(Path target, String text, boolean ownerOnly) {
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        try {
            Files.createDirectories(target.getParent());
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            if (ownerOnly && tmp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new LauncherException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    private String require(Properties p, String key) {
        String v = p.getProperty(key);
        if (v == null) {
            throw new LauncherException(file + " has no '" + key + "'");
        }
        return v.trim();
    }

    @Override
    public String toString() {
        return file.toString();
    }
}
