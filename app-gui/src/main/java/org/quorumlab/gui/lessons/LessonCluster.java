package org.quorumlab.gui.lessons;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.quorumlab.gui.admin.AdminClient;
import org.quorumlab.launcher.ClusterLauncher;
import org.quorumlab.launcher.Engine;
import org.quorumlab.launcher.NodeStatus;

/**
 * The cluster a lesson runs on: a fresh launcher cluster in {@link LessonSettings#clusterDir()},
 * its admin endpoints, and the symbolic node references of docs/lessons.md ({@code leader},
 * {@code lastStopped}, {@code lastIsolated}).
 */
final class LessonCluster implements AutoCloseable {

    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    /**
     * A leader a majority of the members follow.
     *
     * @param id    its server id
     * @param epoch its epoch, -1 when unknown
     */
    record Leader(long id, long epoch) {
    }

    private final LessonSettings settings;
    private final AdminClient admin;
    private volatile ClusterLauncher launcher;
    private volatile long lastStopped = -1;
    private volatile long lastIsolated = -1;

    LessonCluster(LessonSettings settings, AdminClient admin) {
        this.settings = settings;
        this.admin = admin;
    }

    boolean running() {
        return launcher != null;
    }

    /** The running lesson cluster; fails with the reason a presenter can act on when there is none. */
    ClusterLauncher launcher() {
        ClusterLauncher l = launcher;
        if (l == null) {
            throw new IllegalStateException("no lesson cluster is running: the lesson starts one with startCluster");
        }
        return l;
    }

    /**
     * Stops the previous lesson cluster, wipes the directory and opens a fresh one of {@code nodes}
     * voters, starting nothing yet (so slow motion can be applied node by node as they come up).
     */
    ClusterLauncher openFresh(int nodes) {
        close();
        wipe(settings.clusterDir());
        lastStopped = -1;
        lastIsolated = -1;
        launcher = ClusterLauncher.open(settings.clusterDir(), nodes, Engine.QUORUMLAB, 0);
        return launcher;
    }

    /** {@code 127.0.0.1:adminPort} of node {@code id}. */
    String adminEndpoint(long id) {
        return "127.0.0.1:" + launcher().ports(id).admin();
    }

    /** {@code 127.0.0.1:clientPort} of node {@code id}. */
    String clientAddress(long id) {
        return "127.0.0.1:" + launcher().ports(id).client();
    }

    /** Admin endpoints of the members and of any other node whose process runs (one being added). */
    List<String> adminEndpoints() {
        ClusterLauncher l = launcher;
        if (l == null) {
            return List.of();
        }
        Set<Long> ids = new TreeSet<>(l.members());
        for (NodeStatus s : l.status()) {
            if (s.alive()) {
                ids.add(s.id());
            }
        }
        return ids.stream().map(id -> "127.0.0.1:" + l.ports(id).admin()).toList();
    }

    /** Waits until node {@code id}'s admin server answers (its process is up). */
    void awaitAdmin(long id, Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String ep = adminEndpoint(id);
        while (true) {
            try {
                admin.command(ep, "monitor");
                return;
            } catch (IOException e) {
                if (!launcher().isRunning(id)) {
                    throw new IOException("node " + id + " exited while starting; see "
                            + launcher().dir().resolve("node" + id).resolve("log"), e);
                }
                if (System.nanoTime() > deadline) {
                    throw new IOException("node " + id + " did not answer on its admin port within "
                            + timeout.toSeconds() + " s: " + e.getMessage(), e);
                }
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
    }

    /**
     * The leader a majority of the members follow right now, judged by each serving member's
     * admin {@code leader} command (a leader cut off from its followers may still call itself leader
     * for a while, but the others stop naming it).
     */
    Optional<Leader> establishedLeader() {
        ClusterLauncher l = launcher();
        List<NodeStatus> status = l.status();
        int majority = l.members().size() / 2 + 1;
        List<long[]> named = new ArrayList<>();
        for (NodeStatus s : status) {
            if (!s.member() || !s.serving()) {
                continue;
            }
            try {
                JsonNode leader = admin.command("127.0.0.1:" + s.ports().admin(), "leader");
                named.add(new long[] {s.id(), leader.path("leader_id").asLong(-1), leader.path("epoch").asLong(-1)});
            } catch (IOException e) {
                // just went down
            }
        }
        for (NodeStatus s : status) {
            if (!s.member() || !"leader".equals(s.mode())) {
                continue;
            }
            List<long[]> followers = named.stream().filter(n -> n[1] == s.id()).toList();
            if (followers.size() >= majority) {
                long epoch = followers.stream().filter(n -> n[0] == s.id()).mapToLong(n -> n[2]).findFirst()
                        .orElse(-1);
                return Optional.of(new Leader(s.id(), epoch));
            }
        }
        return Optional.empty();
    }

    /** Polls {@link #establishedLeader()} until there is one. */
    Leader awaitLeader(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<Leader> leader = establishedLeader();
            if (leader.isPresent()) {
                return leader.get();
            }
            if (System.nanoTime() > deadline) {
                String modes = launcher().status().stream().filter(NodeStatus::member)
                        .map(s -> s.id() + "=" + s.mode()).collect(Collectors.joining(", "));
                throw new IllegalStateException("no leader with a majority within " + timeout.toSeconds()
                        + " s (" + modes + ")");
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
    }

    /** Resolves a node reference; {@code leader} waits for an established leader. */
    long resolve(NodeRef ref, Duration timeout) {
        if (ref instanceof NodeRef.Id id) {
            launcher().ports(id.id());
            return id.id();
        }
        if (ref instanceof NodeRef.Leader) {
            return awaitLeader(timeout).id();
        }
        if (ref instanceof NodeRef.LastStopped) {
            if (lastStopped < 0) {
                throw new IllegalStateException("lastStopped: no node was killed or stopped in this lesson yet");
            }
            return lastStopped;
        }
        if (lastIsolated < 0) {
            throw new IllegalStateException("lastIsolated: no partition whose first group is a single node yet");
        }
        return lastIsolated;
    }

    void stopped(long id) {
        lastStopped = id;
    }

    /**
     * Turns {@code "leader|rest"} into ids ({@code "3|1,2"}): {@code leader} is the established
     * leader, {@code rest} every member not named elsewhere. Remembers {@code lastIsolated}.
     */
    String resolveGroups(String groups, Duration timeout) {
        List<List<String>> parts = Stream.of(groups.split("\\|", -1))
                .map(g -> Stream.of(g.split(",", -1)).map(String::trim).toList()).toList();
        if (parts.size() < 2 || parts.stream().anyMatch(g -> g.stream().anyMatch(String::isEmpty))) {
            throw new IllegalArgumentException("groups '" + groups + "' must look like 1,2|3 (ids, leader or rest)");
        }
        Set<Long> named = new TreeSet<>();
        List<Set<Long>> resolved = new ArrayList<>();
        for (List<String> group : parts) {
            Set<Long> ids = new LinkedHashSet<>();
            for (String token : group) {
                if (!token.equals("rest")) {
                    long id = token.equals("leader") ? awaitLeader(timeout).id() : parseMember(token);
                    ids.add(id);
                    named.add(id);
                }
            }
            resolved.add(ids);
        }
        for (int i = 0; i < parts.size(); i++) {
            if (parts.get(i).contains("rest")) {
                launcher().members().stream().filter(m -> !named.contains(m)).forEach(resolved.get(i)::add);
            }
        }
        if (resolved.stream().anyMatch(Set::isEmpty)) {
            throw new IllegalArgumentException("groups '" + groups + "' leave a group empty");
        }
        lastIsolated = resolved.get(0).size() == 1 ? resolved.get(0).iterator().next() : -1;
        return resolved.stream().map(g -> g.stream().sorted().map(String::valueOf).collect(Collectors.joining(",")))
                .collect(Collectors.joining("|"));
    }

    private long parseMember(String token) {
        long id;
        try {
            id = Long.parseLong(token);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + token + "' in groups is neither an id nor leader or rest");
        }
        if (!launcher().members().contains(id)) {
            throw new IllegalArgumentException("node " + id + " is not a member (members " + launcher().members() + ")");
        }
        return id;
    }

    @Override
    public void close() {
        ClusterLauncher l = launcher;
        launcher = null;
        if (l != null) {
            l.close();
        }
    }

    /** Deletes a previous lesson cluster; refuses a directory that is not one. */
    private static void wipe(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> entries = Files.list(dir)) {
            if (entries.findAny().isPresent() && !Files.exists(dir.resolve("cluster.properties"))) {
                throw new IllegalStateException(dir + " is not empty and holds no launcher cluster; "
                        + "refusing to wipe it for a lesson");
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + dir + ": " + e.getMessage(), e);
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot wipe the previous lesson cluster in " + dir + ": "
                    + e.getMessage(), e);
        }
    }
}
