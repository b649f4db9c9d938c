package org.quorumlab.gui.console;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.zookeeper.AddWatchMode;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.admin.ZooKeeperAdmin;
import org.apache.zookeeper.data.ACL;
import org.apache.zookeeper.data.ClientInfo;
import org.apache.zookeeper.data.Stat;
import org.quorumlab.gui.data.AclEntry;
import org.quorumlab.gui.data.NodeDetailViewModel;
import org.quorumlab.gui.service.NodeOperations;
import org.quorumlab.gui.service.Paths;
import org.quorumlab.gui.service.ZkSession;

/**
 * zkCli-style commands over the console's session. {@link #execute(String)} blocks and returns
 * the text to print; errors come back as text too, never as exceptions.
 */
public final class CommandInterpreter {

    /** Command names with their usage, for help and completion. */
    public static final Map<String, String> COMMANDS = new TreeMap<>(Map.ofEntries(
            Map.entry("ls", "ls [-s] [-R] path"), Map.entry("get", "get [-s] path"),
            Map.entry("set", "set path data [version]"),
            Map.entry("create", "create [-e] [-s] [-c] [-t ttl] path [data]"),
            Map.entry("delete", "delete [-v version] path"), Map.entry("deleteall", "deleteall path"),
            Map.entry("stat", "stat path"), Map.entry("getAcl", "getAcl path"),
            Map.entry("setAcl", "setAcl [-R] path scheme:id:perms[,scheme:id:perms...]"),
            Map.entry("addWatch", "addWatch [-m PERSISTENT|PERSISTENT_RECURSIVE] path"),
            Map.entry("config", "config"),
            Map.entry("reconfig", "reconfig [-add server.N=host:q:e;client] [-remove id,...] [-members ...]"),
            Map.entry("sync", "sync path"), Map.entry("whoami", "whoami"), Map.entry("history", "history"),
            Map.entry("help", "help")));
    private static final Set<String> VALUED = Set.of("t", "v", "m", "add", "remove", "members", "file");

    private final ZkSession session;
    private final NodeOperations ops;
    private final List<String> history = new ArrayList<>();

    /** Interpreter over {@code session}. */
    public CommandInterpreter(ZkSession session) {
        this.session = session;
        this.ops = new NodeOperations(session::client);
    }

    /** Commands run so far. */
    public List<String> history() {
        return List.copyOf(history);
    }

    /** Runs one line and returns its output. */
    public String execute(String line) {
        if (line.isBlank()) {
            return "";
        }
        history.add(line.trim());
        try {
            CommandLine c = CommandLine.parse(line, VALUED);
            return run(c);
        } catch (KeeperException e) {
            return describe(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        } catch (Exception e) {
            return e.getMessage() == null ? e.toString() : e.getMessage();
        }
    }

    private ZooKeeper zk() {
        return session.client();
    }

    private String run(CommandLine c) throws Exception {
        String u = COMMANDS.get(c.command());
        return switch (c.command()) {
            case "ls" -> ls(c, u);
            case "get" -> get(c, u);
            case "set" -> {
                int version = c.args().size() > 2 ? Integer.parseInt(c.arg(2, u)) : -1;
                Stat s = zk().setData(c.arg(0, u), c.arg(1, u).getBytes(StandardCharsets.UTF_8), version);
                yield "version " + s.getVersion();
            }
            case "create" -> create(c, u);
            case "delete" -> {
                zk().delete(c.arg(0, u), c.has("v") ? Integer.parseInt(c.options().get("v")) : -1);
                yield "";
            }
            case "deleteall" -> "deleted " + ops.deleteRecursive(c.arg(0, u)) + " nodes";
            case "stat" -> {
                String p = c.arg(0, u);
                Stat s = zk().exists(p, false);
                if (s == null) {
                    throw KeeperException.create(KeeperException.Code.NONODE, p);
                }
                yield formatStat(p, s);
            }
            case "getAcl" -> getAcl(c.arg(0, u));
            case "setAcl" -> {
                List<ACL> acl = parseAcl(c.arg(1, u));
                yield "ACL set on " + ops.setAcl(c.arg(0, u), acl, c.has("R")) + " node(s)";
            }
            case "addWatch" -> addWatch(c, u);
            case "config" -> {
                Stat s = new Stat();
                String cfg = new String(zk().getConfig(false, s), StandardCharsets.UTF_8);
                yield cfg + "\n" + "(config version " + Paths.hex(s.getMzxid()) + ")";
            }
            case "reconfig" -> reconfig(c);
            case "sync" -> sync(c.arg(0, u));
            case "whoami" -> whoami();
            case "history" -> history(c);
            case "help", "" -> String.join("\n", COMMANDS.values());
            default -> "unknown command '" + c.command() + "'; try help";
        };
    }

    private String ls(CommandLine c, String u) throws KeeperException, InterruptedException {
        String p = c.arg(0, u);
        if (c.has("R")) {
            return String.join("\n", ops.subtree(p));
        }
        Stat s = new Stat();
        List<String> children = new ArrayList<>(zk().getChildren(p, false, s));
        children.sort(null);
        String out = "[" + String.join(", ", children) + "]";
        return c.has("s") ? out + "\n" + formatStat(p, s) : out;
    }

    private String get(CommandLine c, String u) throws KeeperException, InterruptedException {
        String p = c.arg(0, u);
        Stat s = new Stat();
        byte[] d = zk().getData(p, false, s);
        String out = d == null ? "null" : new String(d, StandardCharsets.UTF_8);
        return c.has("s") ? out + "\n" + formatStat(p, s) : out;
    }

    private String create(CommandLine c, String u) throws KeeperException, InterruptedException {
        boolean e = c.has("e");
        boolean s = c.has("s");
        CreateMode mode;
        long ttl = -1;
        if (c.has("c")) {
            mode = CreateMode.CONTAINER;
        } else if (c.has("t")) {
            ttl = Long.parseLong(c.options().get("t"));
            mode = s ? CreateMode.PERSISTENT_SEQUENTIAL_WITH_TTL : CreateMode.PERSISTENT_WITH_TTL;
        } else if (e) {
            mode = s ? CreateMode.EPHEMERAL_SEQUENTIAL : CreateMode.EPHEMERAL;
        } else {
            mode = s ? CreateMode.PERSISTENT_SEQUENTIAL : CreateMode.PERSISTENT;
        }
        String p = c.arg(0, u);
        byte[] data = c.args().size() > 1 ? c.args().get(1).getBytes(StandardCharsets.UTF_8) : new byte[0];
        return "Created " + ops.create(p, data, ZooDefs.Ids.OPEN_ACL_UNSAFE, mode, ttl);
    }

    private String getAcl(String p) throws KeeperException, InterruptedException {
        StringBuilder sb = new StringBuilder();
        for (ACL a : zk().getACL(p, new Stat())) {
            sb.append('\'').append(a.getId().getScheme()).append(",'").append(a.getId().getId()).append("\n: ")
                    .append(AclEntry.letters(a.getPerms())).append('\n');
        }
        return sb.toString().trim();
    }

    /** Parses {@code scheme:id:perms} entries separated by commas (digest ids contain a colon). */
    static List<ACL> parseAcl(String text) {
        List<ACL> out = new ArrayList<>();
        for (String part : text.split(",")) {
            int first = part.indexOf(':');
            int last = part.lastIndexOf(':');
            if (first < 0 || first == last) {
                throw new IllegalArgumentException("bad ACL entry '" + part + "' (scheme:id:perms)");
            }
            out.add(new AclEntry(part.substring(0, first), part.substring(first + 1, last), part.substring(last + 1)).toAcl());
        }
        return out;
    }

    private String addWatch(CommandLine c, String u) throws KeeperException, InterruptedException {
        String p = c.arg(0, u);
        AddWatchMode mode = AddWatchMode.valueOf(c.options().getOrDefault("m", "PERSISTENT_RECURSIVE").toUpperCase());
        String kind = mode == AddWatchMode.PERSISTENT ? "persistent" : "persistent-recursive";
        session.watches().add(new org.quorumlab.gui.service.WatchRegistry.OwnWatch(p, kind, "console"));
        zk().addWatch(p, session.watcher("console", null), mode);
        return "watching " + p + " (" + mode + ")";
    }

    private String reconfig(CommandLine c) throws Exception {
        String joining = c.options().get("add");
        String leaving = c.options().get("remove");
        String members = c.options().get("members");
        if (joining == null && leaving == null && members == null) {
            throw new IllegalArgumentException("usage: " + COMMANDS.get("reconfig"));
        }
        ZooKeeperAdmin admin = new ZooKeeperAdmin(session.spec().connectString(), session.spec().sessionTimeoutMs(), e -> { });
        try {
            if (!session.spec().digestAuth().isEmpty()) {
                admin.addAuthInfo("digest", session.spec().digestAuth().getBytes(StandardCharsets.UTF_8));
            }
            Stat s = new Stat();
            byte[] cfg = admin.reconfigure(joining, leaving, members, -1, s);
            return "Committed new configuration:\n" + new String(cfg, StandardCharsets.UTF_8);
        } finally {
            admin.close();
        }
    }

    private String sync(String p) throws Exception {
        CompletableFuture<Integer> rc = new CompletableFuture<>();
        zk().sync(p, (code, path, ctx) -> rc.complete(code), null);
        int code = rc.get(30, TimeUnit.SECONDS);
        if (code != 0) {
            throw KeeperException.create(KeeperException.Code.get(code), p);
        }
        return "Sync is OK";
    }

    private String whoami() throws InterruptedException {
        List<ClientInfo> infos = zk().whoAmI();
        StringBuilder sb = new StringBuilder("Auth scheme: User\n");
        for (ClientInfo i : infos) {
            sb.append(i.getAuthScheme()).append(": ").append(i.getUser()).append('\n');
        }
        return sb.toString().trim();
    }

    private String history(CommandLine c) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < history.size(); i++) {
            sb.append(i).append(" - ").append(history.get(i)).append('\n');
        }
        return sb.toString().trim();
    }

    /** zkCli-like Stat output. */
    static String formatStat(String path, Stat s) {
        StringBuilder sb = new StringBuilder();
        for (NodeDetailViewModel.StatRow r : NodeDetailViewModel.rows(path, s)) {
            sb.append(r.name()).append(" = ").append(r.value()).append('\n');
        }
        return sb.toString().trim();
    }

    private static String describe(KeeperException e) {
        return switch (e.code()) {
            case NONODE -> "Node does not exist: " + e.getPath();
            case NODEEXISTS -> "Node already exists: " + e.getPath();
            case NOTEMPTY -> "Node not empty: " + e.getPath();
            case BADVERSION -> "version No is not valid : " + e.getPath();
            case NOAUTH -> "Insufficient permission : " + e.getPath();
            default -> e.getMessage();
        };
    }
}
