package org.quorumlab.engine.storage.sqlite;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Semaphore;
import org.quorumlab.engine.storage.GroupCommitLog;
import org.quorumlab.engine.storage.LogEntry;

/**
 * Child process of {@link GroupCommitCrashTest}: appends through a {@link GroupCommitLog} forever and prints
 * {@code ACK <zxid>} for each acknowledged append, until it is killed. Not a test.
 */
public final class GroupCommitCrashChild {

    /** Prefix of acknowledgement lines; anything else on stdout (e.g. logging) is ignored by the parent. */
    static final String ACK = "ACK ";
    private static final int MAX_IN_FLIGHT = 2000;

    private GroupCommitCrashChild() {
    }

    public static void main(String[] args) throws InterruptedException {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        SqliteStorage storage = SqliteStorage.open(Path.of(args[0]));
        long firstZxid = storage.txnLog().lastZxid() + 1;
        GroupCommitLog groupLog = new GroupCommitLog(storage.txnLog());
        Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
        byte[] payload = new byte[64];
        for (long zxid = firstZxid; ; zxid++) {
            inFlight.acquire();
            groupLog.appendAsync(new LogEntry(zxid, payload)).whenComplete((acked, error) -> {
                if (error == null) {
                    out.println(ACK + acked);
                } else {
                    System.err.println("append of zxid failed: " + error); // the parent shows this file on failure
                    System.exit(2);
                }
                inFlight.release();
            });
        }
    }
}
