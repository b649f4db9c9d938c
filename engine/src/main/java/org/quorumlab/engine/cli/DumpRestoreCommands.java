package org.quorumlab.engine.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.quorumlab.engine.config.ConfigException;
import org.quorumlab.engine.node.DataDirLock;
import org.quorumlab.engine.node.Recovery;
import org.quorumlab.engine.snapshot.TreeSnapshotCodec;
import org.quorumlab.engine.storage.SnapshotInfo;
import org.quorumlab.engine.storage.Storage;
import org.quorumlab.engine.storage.sqlite.SqliteStorage;
import org.quorumlab.engine.tree.DataTree;
import org.quorumlab.engine.tree.TreeImage;

/**
 * {@code quorumlab dump --data-dir D} writes the committed tree as JSON to stdout (it only reads, so
 * it works on the directory of a running server); {@code quorumlab restore --data-dir D [--force] <
 * tree.json} seeds a data dir from such a dump.
 *
 * <p>Restore refuses, changing nothing: a directory that is not empty unless {@code --force} is
 * given; a directory a running server uses, even with {@code --force}; a malformed dump, naming its
 * line. Only a dump that reads back whole is written.
 */
public final class DumpRestoreCommands {

    private DumpRestoreCommands() {
    }

    public static int dump(String[] args, PrintStream out) {
        Path dir = options(args, false).dataDir;
        if (!Files.exists(dir.resolve(SqliteStorage.DB_FILE_NAME))) {
            throw new ConfigException("no QuorumLab data in " + dir);
        }
        try (Storage storage = SqliteStorage.open(dir)) {
            out.println(TreeJson.toJson(Recovery.recover(storage)));
        }
        return 0;
    }

    /**
     * @param err where the one-line outcome goes
     * @throws ConfigException when the directory is refused
     * @throws IllegalArgumentException naming the line of a malformed dump
     */
    public static int restore(String[] args, InputStream in, PrintStream err) throws IOException {
        Options o = options(args, true);
        Path dir = o.dataDir;
        List<String> held = entries(dir);
        if (!o.force && !held.isEmpty()) {
            throw new ConfigException(dir + " is not empty (" + String.join(", ", held)
                    + "); restore replaces what a data directory holds only with --force");
        }
        DataTree tree = TreeJson.fromJson(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        try (DataDirLock lock = DataDirLock.tryAcquire(dir, "restore").orElseThrow(() -> refusedInUse(dir));
                Storage storage = SqliteStorage.open(dir)) {
            // above everything the directory held (with --force), or the old newest snapshot would be kept below
            long zxid = Math.max(Math.max(tree.lastProcessedZxid(), storage.txnLog().lastZxid()),
                    storage.snapshots().latest().map(SnapshotInfo::lastZxid).orElse(0L));
            tree.setLastProcessedZxid(zxid);
            // snapshot first, then purge: a crash in between leaves the new snapshot with nothing after it in the
            // log, never a purged log without the snapshot that replaces it
            TreeImage image = tree.image();
            storage.snapshots().save(zxid, image.nodes().size(), out -> TreeSnapshotCodec.write(image, out));
            if (storage.txnLog().lastZxid() > 0) {
                storage.txnLog().purgeThrough(storage.txnLog().lastZxid());
            }
            storage.snapshots().retainLatest(1);
        }
        err.println("restored " + tree.nodeCount() + " nodes into " + dir);
        return 0;
    }

    private static ConfigException refusedInUse(Path dir) {
        return new ConfigException(DataDirLock.inUse(dir) + "; stop it before restoring into its data directory");
    }

    /** Up to three names in {@code dir} (sorted), with a count of the rest; empty when it is absent or empty. */
    private static List<String> entries(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            if (Files.exists(dir)) {
                throw new ConfigException(dir + " is not a directory");
            }
            return List.of();
        }
        List<String> names;
        try (Stream<Path> list = Files.list(dir)) {
            names = list.map(p -> p.getFileName().toString()).sorted().toList();
        }
        if (names.size() <= 3) {
            return names;
        }
        return Stream.concat(names.subList(0, 3).stream(), Stream.of((names.size() - 3) + " more")).toList();
    }

    private record Options(Path dataDir, boolean force) {
    }

    private static Options options(String[] args, boolean restore) {
        Path dir = null;
        boolean force = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--data-dir" -> dir = Path.of(ServerCommand.arg(args, ++i, "--data-dir"));
                case "--force" -> {
                    if (!restore) {
                        throw new ConfigException("unknown option --force (dump only reads)");
                    }
                    force = true;
                }
                default -> throw new ConfigException("unknown option " + args[i]);
            }
        }
        if (dir == null) {
            throw new ConfigException("--data-dir is required");
        }
        return new Options(dir, force);
    }
}
