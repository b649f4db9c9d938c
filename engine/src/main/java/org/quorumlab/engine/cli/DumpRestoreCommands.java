package org.quorumlab.engine.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.quorumlab.engine.config.ConfigException;
import org.quorumlab.engine.node.Recovery;
import org.quorumlab.engine.snapshot.TreeSnapshotCodec;
import org.quorumlab.engine.storage.SnapshotInfo;
import org.quorumlab.engine.storage.Storage;
import org.quorumlab.engine.storage.sqlite.SqliteStorage;
import org.quorumlab.engine.tree.DataTree;
import org.quorumlab.engine.tree.TreeImage;

/**
 * {@code quorumlab dump --data-dir D} writes the committed tree as JSON to stdout;
 * {@code quorumlab restore --data-dir D [--force] < tree.json} seeds a data dir from such a dump.
 */
public final class DumpRestoreCommands {

    private DumpRestoreCommands() {
    }

    public static int dump(String[] args, PrintStream out) {
        Path dir = dataDir(args);
        if (!Files.exists(dir.resolve(SqliteStorage.DB_FILE_NAME))) {
            throw new ConfigException("no QuorumLab data in " + dir);
        }
        try (Storage storage = SqliteStorage.open(dir)) {
            out.println(TreeJson.toJson(Recovery.recover(storage)));
        }
        return 0;
    }

    public static int restore(String[] args, InputStream in) throws IOException {
        Path dir = dataDir(args);
        boolean force = java.util.Arrays.asList(args).contains("--force");
        DataTree tree = TreeJson.fromJson(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        try (Storage storage = SqliteStorage.open(dir)) {
            if (!force && (storage.txnLog().lastZxid() != 0 || storage.snapshots().latest().isPresent())) {
                throw new ConfigException(dir + " already holds data; use --force to replace it");
            }
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
        System.err.println("restored " + tree.nodeCount() + " nodes into " + dir);
        return 0;
    }

    private static Path dataDir(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--data-dir")) {
                return Path.of(ServerCommand.arg(args, i + 1, "--data-dir"));
            }
        }
        throw new ConfigException("--data-dir is required");
    }
}
