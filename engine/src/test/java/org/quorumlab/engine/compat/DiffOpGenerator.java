package org.quorumlab.engine.compat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.apache.zookeeper.AddWatchMode;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.Op;
import org.apache.zookeeper.Watcher.WatcherType;
import org.apache.zookeeper.ZooDefs.Ids;
import org.apache.zookeeper.ZooDefs.Perms;
import org.apache.zookeeper.data.ACL;
import org.apache.zookeeper.data.Id;
import org.apache.zookeeper.data.Stat;
import org.apache.zookeeper.server.auth.DigestAuthenticationProvider;

/**
 * Seeded generator of client operations over a tiny namespace, so that collisions, missing
 * parents, version conflicts and ACL refusals are frequent.
 */
final class DiffOpGenerator {

    static final String REOPEN = "reopen session ";
    private static final String[] BASE = {"/a", "/b", "/a/x", "/a/y", "/b/x", "/a/x/z", "/b/x/z"};
    private static final String[] SPECIAL = {"/", "/zookeeper", "/zookeeper/config", "/zookeeper/quota", "/q/r"};
    private static final CreateMode[] MODES = CreateMode.values();
    private static final int[] MODE_WEIGHTS = weights(MODES);
    private static final List<List<ACL>> ACLS = acls();
    private static final WatcherType[] WATCHER_TYPES = WatcherType.values();

    private final Random rnd;
    private final List<String> known = new ArrayList<>();

    DiffOpGenerator(long seed) {
        this.rnd = new Random(seed);
    }

    /** Paths created by the last op (identical on both servers), so later ops can target them. */
    void learn(List<String> created) {
        known.addAll(created);
        while (known.size() > 24) {
            known.remove(0);
        }
    }

    DiffOp next(int sessions) {
        int slot = rnd.nextInt(sessions);
        int dice = rnd.nextInt(1000);
        if (dice < 280) {
            return create(slot);
        } else if (dice < 400) {
            return setData(slot);
        } else if (dice < 520) {
            return delete(slot);
        } else if (dice < 590) {
            String p = path();
            boolean watch = rnd.nextBoolean();
            return new DiffOp("exists " + p + " w=" + watch, slot,
                    (side, zk) -> side.stat(p, zk.exists(p, watch ? side.session(slot) : null)));
        } else if (dice < 660) {
            String p = path();
            boolean watch = rnd.nextBoolean();
            return new DiffOp("getData " + p + " w=" + watch, slot, (side, zk) -> {
                Stat s = new Stat();
                byte[] d = zk.getData(p, watch ? side.session(slot) : null, s);
                return Outcomes.data(d) + " " + side.stat(p, s);
            });
        } else if (dice < 720) {
            String p = path();
            boolean watch = rnd.nextBoolean();
            boolean two = rnd.nextBoolean();
            return new DiffOp("getChildren" + (two ? "2 " : " ") + p + " w=" + watch, slot, (side, zk) -> {
                Stat s = two ? new Stat() : null;
                List<String> kids = zk.getChildren(p, watch ? side.session(slot) : null, s);
                return Outcomes.sorted(kids) + (two ? " " + side.stat(p, s) : "");
            });
        } else if (dice < 800) {
            return multi(slot);
        } else if (dice < 820) {
            return multiRead(slot);
        } else if (dice < 850) {
            return setAcl(slot);
        } else if (dice < 875) {
            String p = path();
            return new DiffOp("getACL " + p, slot, (side, zk) -> {
                Stat s = new Stat();
                return Outcomes.acl(zk.getACL(p, s)) + " " + side.stat(p, s);
            });
        } else if (dice < 890) {
            String p = path();
            return new DiffOp("getAllChildrenNumber " + p, slot, (side, zk) -> "n=" + zk.getAllChildrenNumber(p));
        } else if (dice < 905) {
            String prefix = pick(new String[] {null, "/", "/a", "/a/x", "/b"});
            return new DiffOp("getEphemerals " + prefix, slot, (side, zk) -> String.valueOf(
                    Outcomes.sorted(prefix == null ? zk.getEphemerals() : zk.getEphemerals(prefix))));
        } else if (dice < 935) {
            String p = path();
            AddWatchMode mode = rnd.nextBoolean() ? AddWatchMode.PERSISTENT : AddWatchMode.PERSISTENT_RECURSIVE;
            return new DiffOp("addWatch " + p + " " + mode, slot, (side, zk) -> {
                zk.addWatch(p, side.session(slot), mode);
                return "ok";
            });
        } else if (dice < 970) {
            String p = path();
            WatcherType type = WATCHER_TYPES[rnd.nextInt(WATCHER_TYPES.length)];
            boolean all = rnd.nextBoolean();
            return new DiffOp((all ? "removeAllWatches " : "removeWatches ") + p + " " + type, slot, (side, zk) -> {
                if (all) {
                    zk.removeAllWatches(p, type, false);
                } else {
                    zk.removeWatches(p, side.session(slot), type, false);
                }
                return "ok";
            });
        } else if (dice < 980) {
            String p = path();
            return new DiffOp("sync " + p, slot, (side, zk) -> {
                zk.sync(p);
                return "ok";
            });
        } else if (dice < 990) {
            return new DiffOp("whoAmI", slot, (side, zk) -> Outcomes.whoAmI(zk.whoAmI()));
        }
        int reopen = 1 + rnd.nextInt(sessions - 1);
        return new DiffOp(REOPEN + reopen, reopen, (side, zk) -> {
            side.reopen(reopen);
            return "ok";
        });
    }

    private DiffOp create(int slot) {
        String p = rnd.nextInt(10) == 0 ? pick(SPECIAL) : path();
        byte[] data = data();
        int aclIndex = aclIndex();
        List<ACL> acl = ACLS.get(aclIndex);
        CreateMode mode = mode();
        int form = rnd.nextInt(3);
        long ttl = mode.isTTL() ? (rnd.nextInt(10) == 0 ? 0 : 3_600_000) : (rnd.nextInt(20) == 0 ? 5 : -1);
        String text = "create " + p + " " + mode + " acl#" + aclIndex + " form=" + form + " ttl=" + ttl;
        return new DiffOp(text, slot, (side, zk) -> {
            String created;
            Stat s = new Stat();
            if (form == 0) {
                created = zk.create(p, data, acl, mode);
                s = null;
            } else if (form == 1) {
                created = zk.create(p, data, acl, mode, s);
            } else {
                created = zk.create(p, data, acl, mode, s, ttl);
            }
            side.noteCreated(created);
            return created + " " + side.stat(created, s);
        });
    }

    private DiffOp setData(int slot) {
        String p = path();
        byte[] data = data();
        int version = version();
        return new DiffOp("setData " + p + " v=" + version, slot,
                (side, zk) -> side.stat(p, zk.setData(p, data, version)));
    }

    private DiffOp delete(int slot) {
        String p = rnd.nextInt(15) == 0 ? pick(SPECIAL) : path();
        int version = version();
        return new DiffOp("delete " + p + " v=" + version, slot, (side, zk) -> {
            zk.delete(p, version);
            return "ok";
        });
    }

    private DiffOp setAcl(int slot) {
        String p = path();
        int aclIndex = aclIndex();
        int version = version();
        return new DiffOp("setACL " + p + " acl#" + aclIndex + " v=" + version, slot,
                (side, zk) -> side.stat(p, zk.setACL(p, ACLS.get(aclIndex), version)));
    }

    private DiffOp multi(int slot) {
        int n = 1 + rnd.nextInt(4);
        List<Op> ops = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String p = path();
            switch (rnd.nextInt(4)) {
                case 0 -> {
                    CreateMode mode = mode();
                    ops.add(mode.isTTL() ? Op.create(p, data(), ACLS.get(aclIndex()), mode, 3_600_000)
                            : Op.create(p, data(), ACLS.get(aclIndex()), mode));
                }
                case 1 -> ops.add(Op.delete(p, version()));
                case 2 -> ops.add(Op.setData(p, data(), version()));
                default -> ops.add(Op.check(p, version()));
            }
        }
        String text = "multi " + ops.stream().map(o -> o.getClass().getSimpleName() + ":" + o.getPath()).toList();
        return new DiffOp(text, slot, (side, zk) -> {
            try {
                return "ok " + Outcomes.multi(side, zk.multi(ops));
            } catch (KeeperException e) {
                return Outcomes.error(e) + " " + Outcomes.multi(side, e.getResults());
            }
        });
    }

    private DiffOp multiRead(int slot) {
        List<Op> ops = new ArrayList<>();
        int n = 1 + rnd.nextInt(3);
        for (int i = 0; i < n; i++) {
            ops.add(rnd.nextBoolean() ? Op.getData(path()) : Op.getChildren(path()));
        }
        String text = "multiRead " + ops.stream().map(o -> o.getClass().getSimpleName() + ":" + o.getPath()).toList();
        return new DiffOp(text, slot, (side, zk) -> "ok " + Outcomes.multi(side, zk.multi(ops)));
    }

    private String path() {
        int dice = rnd.nextInt(100);
        if (dice < 25 && !known.isEmpty()) {
            return known.get(rnd.nextInt(known.size()));
        }
        if (dice < 28) {
            return pick(SPECIAL);
        }
        return pick(BASE);
    }

    private int version() {
        int dice = rnd.nextInt(10);
        return dice < 4 ? -1 : dice < 7 ? 0 : dice < 9 ? 1 : 2;
    }

    private byte[] data() {
        return "d".repeat(rnd.nextInt(4)).getBytes(StandardCharsets.US_ASCII);
    }

    private int aclIndex() {
        return rnd.nextInt(10) < 6 ? 0 : rnd.nextInt(ACLS.size());
    }

    private CreateMode mode() {
        int total = 0;
        for (int w : MODE_WEIGHTS) {
            total += w;
        }
        int r = rnd.nextInt(total);
        for (int i = 0; i < MODES.length; i++) {
            r -= MODE_WEIGHTS[i];
            if (r < 0) {
                return MODES[i];
            }
        }
        return CreateMode.PERSISTENT;
    }

    private <T> T pick(T[] items) {
        return items[rnd.nextInt(items.length)];
    }

    private static int[] weights(CreateMode[] modes) {
        int[] w = new int[modes.length];
        for (int i = 0; i < modes.length; i++) {
            w[i] = switch (modes[i]) {
                case PERSISTENT -> 30;
                case EPHEMERAL -> 20;
                case CONTAINER -> 15;
                case PERSISTENT_SEQUENTIAL, EPHEMERAL_SEQUENTIAL -> 10;
                default -> 7;
            };
        }
        return w;
    }

    /**
     * ACLs the ops pick from. Deliberate difference, excluded here: QuorumLab accepts IPv6 ids in
     * ip ACLs (e.g. {@code ip:0:0:0:0:0:0:0:1}); ZooKeeper 3.9.3's IPAuthenticationProvider parses
     * IPv4 only and answers INVALIDACL, so no IPv6 ip ACL is generated.
     */
    private static List<List<ACL>> acls() {
        try {
            Id alice = new Id("digest", DigestAuthenticationProvider.generateDigest("alice:pw"));
            Id bob = new Id("digest", DigestAuthenticationProvider.generateDigest("bob:pw"));
            // mutable copies: the client's validateACL calls contains(null), which List.of() refuses
            return Stream.of(
                    Ids.OPEN_ACL_UNSAFE,
                    Ids.READ_ACL_UNSAFE,
                    Ids.CREATOR_ALL_ACL,
                    List.of(new ACL(Perms.ALL, alice), new ACL(Perms.READ, Ids.ANYONE_ID_UNSAFE)),
                    List.of(new ACL(Perms.ALL, new Id("ip", "127.0.0.1"))),
                    List.of(new ACL(Perms.ALL, new Id("ip", "10.0.0.0/8")), new ACL(Perms.READ, Ids.ANYONE_ID_UNSAFE)),
                    List.of(new ACL(Perms.ALL, new Id("digest", "nocolon"))),
                    List.of(new ACL(Perms.ALL, new Id("ip", "1.2.3"))),
                    List.of(new ACL(Perms.CREATE | Perms.DELETE | Perms.WRITE, Ids.ANYONE_ID_UNSAFE)),
                    List.of(new ACL(Perms.ALL, bob)),
                    List.of(new ACL(Perms.ALL, new Id("world", "someone"))),
                    List.of(new ACL(Perms.ALL, new Id("ip", "127.0.0.0/33"))),
                    List.<ACL>of()).map(l -> (List<ACL>) new ArrayList<>(l)).toList();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
